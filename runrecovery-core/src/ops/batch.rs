//! Batch stage: PMC, ACWR and Banister fits of many athletes at once.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::fields::request;

use crate::decode;
use crate::error::{Error, Path, Result};
use crate::model::banister::{self, BanisterFit, FitOptions};
use crate::model::{self, AcwrOptions, PmcOptions};

/// A batch request whose option fields a binding decodes apart from its
/// matrices (which it reads from typed arrays), with [`decode_batch_options`].
pub trait BatchRequest: DeserializeOwned {
    /// The matrix fields.
    const MATRICES: &'static [&'static str];
    /// The decoded options.
    type Options;
    /// The options of this request.
    fn options(&self) -> Self::Options;
}

/// Decodes the option fields of a batch request `R` (every field but its
/// matrices) as the operation decodes them: a bad option gets the
/// operation's own error and path. An absent matrix field reads as `[]`.
///
/// # Errors
/// `invalid_input` (or `invalid_date`) as for the operation's request.
pub fn decode_batch_options<R: BatchRequest>(
    mut options: Map<String, Value>,
) -> Result<R::Options> {
    for m in R::MATRICES {
        options.entry(*m).or_insert(Value::Array(Vec::new()));
    }
    let r: R = decode::from_value(&Value::Object(options), "$")?;
    Ok(r.options())
}

/// Flattens a matrix (one row per athlete), checking the rows have one length.
pub(super) fn flatten(field: &'static str, rows: &[Vec<f64>]) -> Result<(Vec<f64>, usize)> {
    let days = rows.first().map_or(0, Vec::len);
    if rows.is_empty() || days == 0 {
        return Err(Error::empty(
            field,
            "at least one athlete with at least one day",
        ));
    }
    let mut flat = Vec::with_capacity(rows.len() * days);
    for (i, r) in rows.iter().enumerate() {
        if r.len() != days {
            return Err(Error::inconsistent(
                Path::from(field).index(i),
                format!("{} days", r.len()),
                &format!("every row needs {days} days"),
            ));
        }
        flat.extend_from_slice(r);
    }
    Ok((flat, days))
}

fn rows(flat: Vec<f64>, days: usize) -> Vec<Vec<f64>> {
    flat.chunks(days).map(<[f64]>::to_vec).collect()
}

request! {
    /// Request of [`pmc_batch`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct PmcBatchRequest {
        /// One row of daily loads per athlete, all of one length.
        pub loads: Vec<Vec<f64>>,
        /// Only each athlete's last day (one value per athlete).
        #[serde(default)]
        pub latest: bool,
        ..pmc_options,
    }
}

/// The options of [`pmc_batch`].
#[derive(Debug, Clone, Copy)]
pub struct PmcBatchOptions {
    /// Only each athlete's last day.
    pub latest: bool,
    /// The PMC conventions.
    pub pmc: PmcOptions,
}

impl BatchRequest for PmcBatchRequest {
    const MATRICES: &'static [&'static str] = &["loads"];
    type Options = PmcBatchOptions;
    fn options(&self) -> PmcBatchOptions {
        PmcBatchOptions {
            latest: self.latest,
            pmc: self.pmc_options(),
        }
    }
}

/// [`pmc_batch`] on a row-major matrix (`days` per athlete): fitness,
/// fatigue and form written into `out`, each of the loads' size, or of one
/// value per athlete with `latest`.
///
/// # Errors
/// As [`model::pmc_batch`] and [`model::pmc_batch_latest`].
pub fn pmc_batch_matrix(
    loads: &[f64],
    days: usize,
    options: &PmcBatchOptions,
    out: [&mut [f64]; 3],
) -> Result<()> {
    let [c, a, f] = out;
    if options.latest {
        model::pmc_batch_latest(loads, days, &options.pmc, c, a, f)
    } else {
        model::pmc_batch(loads, days, &options.pmc, c, a, f)
    }
}

/// Response of [`pmc_batch`]: matrices (athletes × days), or vectors with `latest`.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PmcBatchResponse {
    /// Every day.
    Days {
        /// Fitness per athlete and day.
        fitness: Vec<Vec<f64>>,
        /// Fatigue per athlete and day.
        fatigue: Vec<Vec<f64>>,
        /// Form per athlete and day.
        form: Vec<Vec<f64>>,
    },
    /// The last day only.
    Latest {
        /// Fitness per athlete.
        fitness: Vec<f64>,
        /// Fatigue per athlete.
        fatigue: Vec<f64>,
        /// Form per athlete.
        form: Vec<f64>,
    },
}

/// The PMC of many athletes (athletes × days), or only each athlete's latest day.
///
/// `loads`: one row of daily loads per athlete (AU or TSS), every row the
/// same length: a 2-D NumPy array (float64 and C-contiguous is read in
/// place; anything else goes through `np.ascontiguousarray(loads,
/// dtype=np.float64)`), a list of rows or a pandas `DataFrame` (rows =
/// athletes). The options are those of `pmc`, for every athlete.
/// `fitness`, `fatigue` and `form` come back as athletes × days float64
/// arrays, or with `latest=True` as one value per athlete (its last day).
/// The core reads the loads without a copy and runs with the GIL released.
///
/// # Python
///
/// `out`: `{"fitness": ..., "fatigue": ..., "form": ...}` of writeable,
/// C-contiguous float64 arrays of the result's shape (a previous result
/// will do): the results are written there and those arrays returned, so a
/// loop over batches allocates nothing. An error (a bad load, say) may
/// leave them partly written.
///
/// ```python
/// >>> import numpy as np
/// >>> loads = np.array([[100.0, 0.0, 50.0], [0.0, 30.0, 30.0]])
/// >>> p = pmc_batch(loads=loads)
/// >>> p["fitness"].shape, p["fitness"][0].round(2).tolist()
/// ((2, 3), [2.35, 2.3, 3.42])
/// >>> pmc_batch(loads=loads, latest=True)["fitness"].round(2).tolist()
/// [3.42, 1.4]
/// >>> again = pmc_batch(loads=2 * loads, out=p)
/// >>> again["fitness"] is p["fitness"], p["fitness"][0].round(2).tolist()
/// (True, [4.71, 4.59, 6.84])
/// ```
pub fn pmc_batch(r: PmcBatchRequest) -> Result<PmcBatchResponse> {
    let (flat, days) = flatten("loads", &r.loads)?;
    let o = r.options();
    let n = if o.latest { r.loads.len() } else { flat.len() };
    let (mut c, mut a, mut f) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    pmc_batch_matrix(&flat, days, &o, [&mut c, &mut a, &mut f])?;
    if o.latest {
        return Ok(PmcBatchResponse::Latest {
            fitness: c,
            fatigue: a,
            form: f,
        });
    }
    Ok(PmcBatchResponse::Days {
        fitness: rows(c, days),
        fatigue: rows(a, days),
        form: rows(f, days),
    })
}

request! {
    /// Request of [`acwr_batch`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct AcwrBatchRequest {
        /// One row of daily loads per athlete, all of one length.
        pub loads: Vec<Vec<f64>>,
        ..acwr_options,
    }
}

impl BatchRequest for AcwrBatchRequest {
    const MATRICES: &'static [&'static str] = &["loads"];
    type Options = AcwrOptions;
    /// Every day counts as logged: no coverage threshold.
    fn options(&self) -> AcwrOptions {
        self.acwr_options(0.0)
    }
}

/// Response of [`acwr_batch`] (athletes × days).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AcwrBatchResponse {
    /// Acute load.
    pub acute: Vec<Vec<f64>>,
    /// Chronic load.
    pub chronic: Vec<Vec<f64>>,
    /// The ratio, null where not meaningful (NaN in NumPy).
    pub ratio: Vec<Vec<Option<f64>>>,
}

/// The ACWR of many athletes (athletes × days); null where no ratio is meaningful.
///
/// `loads` as in `pmc_batch` (every day counts as logged); the
/// options are those of `acwr`. `acute`, `chronic` (in the loads'
/// unit) and `ratio` come back as athletes × days float64 arrays, the
/// ratio **NaN** where `acwr` gives `None` (the chronic window is
/// not full yet, or the chronic load is 0). `out` as in
/// `pmc_batch`, with keys `acute`, `chronic` and `ratio`.
///
/// # Python
///
/// ```python
/// >>> import numpy as np
/// >>> a = acwr_batch(loads=[[50.0] * 27 + [400.0], [60.0] * 28])
/// >>> a["ratio"][:, -1].round(2).tolist(), bool(np.isnan(a["ratio"][0, 0]))
/// ([1.6, 1.0], True)
/// ```
pub fn acwr_batch(r: AcwrBatchRequest) -> Result<AcwrBatchResponse> {
    let (flat, days) = flatten("loads", &r.loads)?;
    let o = r.options();
    let n = flat.len();
    let (mut a, mut c, mut q) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    model::acwr_batch(&flat, days, &o, &mut a, &mut c, &mut q)?;
    Ok(AcwrBatchResponse {
        acute: rows(a, days),
        chronic: rows(c, days),
        ratio: q
            .chunks(days)
            .map(|r| r.iter().map(|x| x.is_finite().then_some(*x)).collect())
            .collect(),
    })
}

request! {
    /// Request of [`banister_fit_batch`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct BanisterFitBatchRequest {
        /// One row of daily loads per athlete, all of one length.
        pub loads: Vec<Vec<f64>>,
        /// Test results in the same shape; null (NaN) where there was no test.
        pub tests: Vec<Vec<Option<f64>>>,
        ..fit_options,
    }
}

impl BatchRequest for BanisterFitBatchRequest {
    const MATRICES: &'static [&'static str] = &["loads", "tests"];
    type Options = FitOptions;
    fn options(&self) -> FitOptions {
        self.fit_options()
    }
}

/// One athlete's outcome in a batch fit.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BatchFitOutcome {
    /// The fit, when it succeeded.
    pub fit: Option<BanisterFit>,
    /// The error code, when it failed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::ErrorCode>")
    )]
    pub error_code: Option<&'static str>,
    /// The error message, when it failed.
    pub error: Option<String>,
}

/// Response of [`banister_fit_batch`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BanisterFitBatchResponse {
    /// One outcome per athlete.
    pub athletes: Vec<BatchFitOutcome>,
}

/// Banister fits of many athletes (tests as a matrix with null where no test).
///
/// `loads` as in `pmc_batch`; `tests` in the same shape, with the
/// test result on its day and NaN (or `None` in lists) on days without
/// one. The options are those of `banister_fit`, for every athlete.
/// The fits run with the GIL released, spread over the CPU's cores. One
/// athlete's failure (too few tests, say) does not stop the others:
///
/// - `athletes`: per athlete, `{"fit": ..., "error_code": ..., "error": ...}`
///   as the core operation gives it (`fit` as `banister_fit`'s result);
/// - `p0`, `k1`, `tau1`, `k2`, `tau2`, `sse`, `rmse`, `r2`:
///   float64 columns, one value per athlete, NaN for a failed athlete
///   (and for `r2` when the tests do not vary);
/// - `error_code`, `error`: lists, `None` for a successful fit.
///
/// # Python
///
/// ```python
/// >>> import numpy as np
/// >>> truth = {"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11}
/// >>> loads = np.tile([60.0, 0, 80, 40, 0, 90, 30], (2, 20))
/// >>> perf = banister_simulate(loads=loads[0], params=truth)["performance"]
/// >>> tests = np.full(loads.shape, np.nan)
/// >>> tests[0, 3::4] = perf[3::4]
/// >>> f = banister_fit_batch(loads=loads, tests=tests, fixed_tau1=45, fixed_tau2=11)
/// >>> f["k1"].round(3).tolist(), f["error_code"]
/// ([0.1, nan], [None, 'empty'])
/// >>> f["athletes"][0]["fit"]["free_parameters"], f["athletes"][1]["error"]
/// (3, 'athletes[1].tests: is empty (expected performance tests to fit)')
/// ```
pub fn banister_fit_batch(r: BanisterFitBatchRequest) -> Result<BanisterFitBatchResponse> {
    let (flat, days) = flatten("loads", &r.loads)?;
    if r.tests.len() != r.loads.len() {
        return Err(Error::inconsistent(
            "tests",
            format!("{} rows", r.tests.len()),
            "one row per athlete",
        ));
    }
    let mut tests = Vec::with_capacity(flat.len());
    for (i, row) in r.tests.iter().enumerate() {
        if row.len() != days {
            return Err(Error::inconsistent(
                Path::from("tests").index(i),
                format!("{} days", row.len()),
                &format!("every row needs {days} days"),
            ));
        }
        tests.extend(row.iter().map(|v| v.unwrap_or(f64::NAN)));
    }
    let options = r.options();
    let fits = banister::fit_batch(&flat, &tests, days, &options)?;
    Ok(BanisterFitBatchResponse {
        athletes: fit_columns(fits).outcomes,
    })
}

/// The names of [`FitColumns::columns`], in order.
pub const FIT_COLUMNS: [&str; 8] = ["p0", "k1", "tau1", "k2", "tau2", "sse", "rmse", "r2"];

/// Batch fit results as per-athlete outcomes and as parameter columns, for
/// bindings that hand out arrays.
#[derive(Debug)]
pub struct FitColumns {
    /// One outcome per athlete, as the `banister_fit_batch` operation returns them.
    pub outcomes: Vec<BatchFitOutcome>,
    /// [`FIT_COLUMNS`], one value per athlete (NaN for a failed fit or an absent R²).
    pub columns: [Vec<f64>; 8],
}

/// Splits batch fit results into outcomes and columns.
pub fn fit_columns(fits: Vec<Result<BanisterFit>>) -> FitColumns {
    let mut columns: [Vec<f64>; 8] = std::array::from_fn(|_| Vec::with_capacity(fits.len()));
    let outcomes = fits
        .into_iter()
        .map(|f| match f {
            Ok(fit) => {
                let p = fit.params;
                let values = [
                    p.p0,
                    p.k1,
                    p.tau1,
                    p.k2,
                    p.tau2,
                    fit.sse,
                    fit.rmse,
                    fit.r2.unwrap_or(f64::NAN),
                ];
                for (col, v) in columns.iter_mut().zip(values) {
                    col.push(v);
                }
                BatchFitOutcome {
                    fit: Some(fit),
                    error_code: None,
                    error: None,
                }
            }
            Err(e) => {
                columns.iter_mut().for_each(|c| c.push(f64::NAN));
                BatchFitOutcome {
                    fit: None,
                    error_code: Some(e.code()),
                    error: Some(e.to_string()),
                }
            }
        })
        .collect();
    FitColumns { outcomes, columns }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::call;
    use serde_json::json;

    fn decode(op: &str, options: &Value) -> Result<()> {
        let Value::Object(map) = options.clone() else {
            unreachable!("options are an object")
        };
        match op {
            "pmc_batch" => decode_batch_options::<PmcBatchRequest>(map).map(drop),
            "acwr_batch" => decode_batch_options::<AcwrBatchRequest>(map).map(drop),
            _ => decode_batch_options::<BanisterFitBatchRequest>(map).map(drop),
        }
    }

    #[test]
    fn a_bad_batch_option_gets_the_operation_s_own_error() {
        for (op, options) in [
            ("pmc_batch", json!({"latest": "yes"})),
            ("pmc_batch", json!({"fitness_days": "long"})),
            ("pmc_batch", json!({"gain": "quadratic"})),
            ("pmc_batch", json!({"days": 3})),
            ("acwr_batch", json!({"min_coverage": 0.5})),
            ("acwr_batch", json!({"method": "ewm", "acute_days": 7})),
            ("banister_fit_batch", json!({"fixed_tau1": [1]})),
            ("banister_fit_batch", json!({"timing": "later"})),
        ] {
            let e = decode(op, &options).unwrap_err();
            let mut request = options.clone();
            request["loads"] = json!([[1.0]]);
            request["tests"] = json!([[1.0]]);
            if op != "banister_fit_batch" {
                request.as_object_mut().unwrap().remove("tests");
            }
            let want = call(op, request).unwrap_err();
            assert_eq!(
                (e.code(), e.field(), e.to_string()),
                (want.code(), want.field(), want.to_string()),
                "{op} {options}"
            );
        }
    }

    #[test]
    fn batch_options_are_the_operation_s_with_their_defaults() {
        let Value::Object(map) = json!({"latest": true, "fitness_days": 28}) else {
            unreachable!()
        };
        let o = decode_batch_options::<PmcBatchRequest>(map).unwrap();
        assert!(o.latest);
        assert_eq!(o.pmc.fitness_days, 28.0);
        assert_eq!(o.pmc.fatigue_days, PmcOptions::default().fatigue_days);
        let a = decode_batch_options::<AcwrBatchRequest>(Map::new()).unwrap();
        assert_eq!(a.min_coverage, 0.0);
        assert_eq!(a.acute_days, AcwrOptions::default().acute_days);
        let f = decode_batch_options::<BanisterFitBatchRequest>(Map::new()).unwrap();
        assert_eq!(f, FitOptions::default());
    }
}
