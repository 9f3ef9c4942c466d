//! Every sort in the crate: one `sort_unstable` per key type (integers, text), shared by all orderings, and the
//! one way to keep the first of each distinct text.
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

/// The position of the first occurrence of each distinct text, ascending. Grouped by a 64-bit hash through
/// the integer sort, so equal texts (a large host dataset repeats a few source URLs tens of thousands of
/// times) are never compared byte by byte in a sort; a hash collision only costs a comparison.
pub fn first_of_each<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let keys: Vec<&str> = keys.collect();
    let hashes: Vec<i64> = keys.iter().map(|k| fnv1a(k)).collect();
    let mut keep = vec![false; keys.len()];
    // The texts kept in the current run of equal hashes (ties come in position order): almost always one.
    let mut kept_in_run: Vec<usize> = Vec::new();
    let mut previous_hash = None;
    for i in order_by_keys(hashes.iter().map(|&h| (h, 0))) {
        if previous_hash != Some(hashes[i]) {
            previous_hash = Some(hashes[i]);
            kept_in_run.clear();
        }
        if kept_in_run.iter().all(|&j| keys[j] != keys[i]) {
            kept_in_run.push(i);
            keep[i] = true;
        }
    }
    (0..keys.len()).filter(|&i| keep[i]).collect()
}

/// 64-bit FNV-1a: tiny, and good enough to group texts (collisions are handled by the caller).
fn fnv1a(text: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    hash as i64
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
        fn first_of_each_keeps_each_text_once_at_its_first_position(keys in proptest::collection::vec("[ab]{0,2}", 0..60)) {
            let expected: Vec<usize> = (0..keys.len()).filter(|&i| !keys[..i].contains(&keys[i])).collect();
            prop_assert_eq!(first_of_each(keys.iter().map(String::as_str)), expected);
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
