//! Stepping through a chart's weeks with the keyboard: the keyboard's way
//! to the hover readout. Pure, so it is tested natively.

/// What a key does to the week under the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Put the cursor on this week.
    To(usize),
    /// Take the cursor away.
    Clear,
    /// Not a key the chart uses: let the browser have it.
    Ignore,
}

/// How many weeks Page Up and Page Down move: about a month.
const PAGE: usize = 4;

/// The cursor after `key`, from `now`, on a chart of `weeks` weeks. With no
/// cursor yet, the arrows start at the near end.
pub fn step(key: &str, now: Option<usize>, weeks: usize) -> Step {
    if weeks == 0 {
        return Step::Ignore;
    }
    let last = weeks - 1;
    match key {
        "ArrowRight" => Step::To(now.map_or(0, |w| (w + 1).min(last))),
        "ArrowLeft" => Step::To(now.map_or(last, |w| w.saturating_sub(1))),
        "PageUp" => Step::To(now.map_or(0, |w| (w + PAGE).min(last))),
        "PageDown" => Step::To(now.map_or(last, |w| w.saturating_sub(PAGE))),
        "Home" => Step::To(0),
        "End" => Step::To(last),
        "Escape" => Step::Clear,
        _ => Step::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_step_and_stop_at_the_ends() {
        assert_eq!(step("ArrowRight", None, 10), Step::To(0));
        assert_eq!(step("ArrowRight", Some(9), 10), Step::To(9));
        assert_eq!(step("ArrowLeft", None, 10), Step::To(9));
        assert_eq!(step("ArrowLeft", Some(0), 10), Step::To(0));
        assert_eq!(step("PageUp", Some(8), 10), Step::To(9));
        assert_eq!(step("PageDown", Some(3), 10), Step::To(0));
        assert_eq!(step("End", None, 10), Step::To(9));
    }

    #[test]
    fn other_keys_are_left_alone() {
        assert_eq!(step("Escape", Some(3), 10), Step::Clear);
        assert_eq!(step("a", Some(3), 10), Step::Ignore);
        assert_eq!(step("ArrowRight", None, 0), Step::Ignore);
    }
}
