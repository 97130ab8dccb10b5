//! One compiled sort for the whole library.
//!
//! Each `slice::sort_by` call site compiles its own copy of the standard
//! library's stable sort. The lists sorted here are short (sessions,
//! findings, taper candidates), so they share one copy: the positions `0..n`
//! are sorted by a comparator behind `&mut dyn`, then the elements are moved
//! into place. The sort is stable, as `slice::sort_by`.
//!
//! What it saves, measured on 2026-12-07 (main at c50d4e2, rustc 1.95.0):
//! `bash runrecovery-wasm/build.sh` (profile `wasm-release`, wasm-bindgen
//! without the name section, wasm-opt 132 from npm with the script's flags),
//! then `gzip -9` of `runrecovery_wasm_bg.wasm`: 247 319 bytes (777 721 raw)
//! with this module; 253 991 bytes (809 179 raw) with its three functions
//! forwarding to `slice::sort_by`, `sort_by_key` and `sort`, so that each of
//! the 11 call sites compiles its own sort. It saves 6.7 kB gzipped (2.7 % of
//! the module) and 31 kB raw. Without wasm-opt (a checkout without
//! `npm ci`), at ba0d33b: 248 730 against 255 278 bytes, 6.5 kB saved.
//! (The three sorts in `model/`, of `(f64, _)` pairs by `total_cmp`, still
//! call `slice::sort_by` directly.)

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping equal elements in their order.
pub(crate) fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` by a key, keeping equal elements in their order.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The one instantiation of the standard sort.
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`, following each
/// cycle of the permutation with swaps (`order` ends as the identity).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec![5, 4, 3, 2, 1, 0];
        sort(&mut w);
        assert_eq!(w, [0, 1, 2, 3, 4, 5]);
        let mut empty: Vec<u8> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u32>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }
}
