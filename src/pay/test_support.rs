//! Inputs and generators shared by the pay modules' tests.

use super::{CalcInputs, PayModel};
use proptest::prelude::*;

pub(super) fn inputs_with(f: impl FnOnce(&mut CalcInputs)) -> CalcInputs {
    let mut i = CalcInputs::default();
    f(&mut i);
    i
}

pub(super) fn any_model() -> impl Strategy<Value = PayModel> {
    prop::sample::select(PayModel::ALL.to_vec())
}

pub(super) fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,80}",
        "[0-9,. \u{A0}\u{202F}eE+$-]{0,30}",
        "[0-9]{1,25}[.]?[0-9]{0,5} ?(k|M|B|T|万|亿|weeks|months|y|年|周|个月|e5)?",
        "[０-９，．]{1,10}",
    ]
}
