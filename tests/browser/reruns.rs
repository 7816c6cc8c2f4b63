//! A slider input re-runs the nodes of its own lever and of the outputs,
//! never those of the other levers, the groups or the presets: counted by
//! the page itself in a `bench-counters` build (`src/platform/reruns.rs`),
//! which `cargo xtask test` turns on for the browser tests.

use doorstroom::{RerunNode, reruns};
use doorstroom_model::{PRESETS, lever};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{fire, mount, open_with, settle};

/// The re-runs of kind `node` counted so far.
fn count(node: RerunNode) -> u32 {
    reruns()
        .iter()
        .find(|(n, _)| *n == node)
        .map_or(0, |(_, c)| *c)
}

/// The re-runs of each kind that `work` set off.
async fn counted(work: impl FnOnce()) -> [(RerunNode, u32); RerunNode::ALL.len()] {
    let before = RerunNode::ALL.map(count);
    work();
    settle().await;
    let mut i = 0;
    RerunNode::ALL.map(|node| {
        let n = count(node) - before[i];
        i += 1;
        (node, n)
    })
}

fn of(counts: &[(RerunNode, u32)], node: RerunNode) -> u32 {
    counts
        .iter()
        .find(|(n, _)| *n == node)
        .map_or(0, |(_, c)| *c)
}

#[wasm_bindgen_test]
async fn a_slider_input_reruns_only_its_lever_and_the_outputs() {
    open_with("?");
    let page = mount();
    settle().await;
    let slider = page.input("lever-intake");
    let intake = lever("intake").expect("the intake lever").index();
    // The presets that set the intake: only their marks may look again.
    let presets_of_intake = PRESETS
        .iter()
        .filter(|p| p.values().iter().any(|&(i, _)| i == intake))
        .count() as u32;
    assert!(presets_of_intake > 0);
    // Two inputs of a drag: the first moves the lever off its default,
    // the second moves it on.
    let first = counted(|| fire(&slider, "90000", "input")).await;
    let second = counted(|| fire(&slider, "95000", "input")).await;
    for counts in [&first, &second] {
        // The intake's control: its value and its "changed" mark, and no
        // other lever's.
        assert_eq!(of(counts, RerunNode::Lever), 2, "{counts:?}");
        // The intake is a headline lever, in no folded group.
        assert_eq!(of(counts, RerunNode::Group), 0, "{counts:?}");
        // Only the marks of the presets that set the intake look again.
        assert!(
            of(counts, RerunNode::Preset) <= presets_of_intake,
            "preset nodes re-run: {counts:?}"
        );
        // The outputs followed the frame; what is read at rest did not.
        assert!(of(counts, RerunNode::Frame) > 0, "{counts:?}");
        assert_eq!(of(counts, RerunNode::Rest), 0, "{counts:?}");
    }
    wasm_bindgen_test::console_log!("re-runs per slider input: {first:?}; {second:?}");
    assert_eq!(page.input("input-intake").value(), "95.000");
    // The end of the drag settles: what is read at rest follows once.
    let end = counted(|| fire(&slider, "95000", "change")).await;
    assert!(of(&end, RerunNode::Rest) > 0, "{end:?}");
    assert_eq!(of(&end, RerunNode::Lever), 0, "{end:?}");
    wasm_bindgen_test::console_log!("re-runs at the drag's end: {end:?}");
}
