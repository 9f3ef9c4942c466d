//! Every sort in the crate: one `sort_unstable` per key type (integers, text), shared by all orderings.
//!
//! Each `sort_by` with its own closure or element type instantiates its own copy of the sort algorithm in
//! the wasm (2 to 5 KB each); routing every ordering through these few functions keeps it to two.

/// The positions of `keys` in ascending key order (ties by position). The one integer sort.
pub fn order_by_keys(keys: impl Iterator<Item = (i64, u32)>) -> Vec<usize> {
    let mut keyed: Vec<(i64, u32, usize)> = keys.enumerate().map(|(i, (a, b))| (a, b, i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// An integer that orders like `f64::total_cmp`, for [`order_by_keys`].
pub fn f64_order_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

/// Sorts floats ascending (`total_cmp` order) through [`order_by_keys`].
pub fn sort_f64s(values: &mut Vec<f64>) {
    let order = order_by_keys(values.iter().map(|&x| (f64_order_key(x), 0)));
    *values = order.into_iter().map(|i| values[i]).collect();
}

/// The positions of `keys` in ascending text order (byte-wise, ties by position): the one string sort.
pub fn order_by_text<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut keyed: Vec<(&str, usize)> = keys.enumerate().map(|(i, k)| (k, i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn float_keys_order_like_total_cmp(mut xs in proptest::collection::vec(proptest::num::f64::ANY, 0..40)) {
            let mut expected = xs.clone();
            expected.sort_by(f64::total_cmp);
            sort_f64s(&mut xs);
            prop_assert_eq!(xs.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), expected.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        }

        #[test]
        fn key_order_is_stable_for_equal_keys(keys in proptest::collection::vec((-3i64..3, 0u32..2), 0..40)) {
            let order = order_by_keys(keys.iter().copied());
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            prop_assert_eq!(order, expected);
        }

        #[test]
        fn text_order_is_byte_order_stable_for_equal_keys(keys in proptest::collection::vec("[ab]{0,3}", 0..40)) {
            let order = order_by_text(keys.iter().map(String::as_str));
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
            prop_assert_eq!(order, expected);
        }
    }
}
