//! Undo and redo over lever changes.
//!
//! The page keeps two notions of "the scenario": the live one, which follows
//! a slider's thumb on every input event, and the committed one, which only
//! moves when a drag ends, a field is committed or a discrete action (preset,
//! reset) happens. Only commits enter the history, so one drag is one step,
//! however many input events it fired.
//!
//! Pure Rust and generic, so it is tested natively.

/// How many steps back the page remembers. A briefing never needs more, and
/// a bound keeps a long session from growing without limit.
const LIMIT: usize = 200;

#[derive(Debug, Clone)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    committed: T,
    /// When the last step was committed (ms), for [`History::commit_at`].
    last_commit: Option<f64>,
}

impl<T: Clone + PartialEq> History<T> {
    /// Starts with `initial` as the committed state and nothing to undo.
    pub fn new(initial: T) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            committed: initial,
            last_commit: None,
        }
    }

    /// The last committed state.
    #[cfg(test)]
    pub fn committed(&self) -> &T {
        &self.committed
    }

    /// Records `state` as one step. A commit that changes nothing (a drag that
    /// ended where it started) is not a step. Returns whether a step was added.
    pub fn commit(&mut self, state: T) -> bool {
        if state == self.committed {
            return false;
        }
        let previous = std::mem::replace(&mut self.committed, state);
        self.undo.push(previous);
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        true
    }

    /// Records `state` at time `now` (ms): a commit within `burst` of the
    /// previous one (a held arrow key commits at every repeat) joins its
    /// step rather than adding one, so a burst is one undo step, as it is
    /// one entry of the browser's history. Returns whether the history changed.
    pub fn commit_at(&mut self, state: T, now: f64, burst: f64) -> bool {
        let joins = self.last_commit.is_some_and(|t| now - t < burst) && !self.undo.is_empty();
        self.last_commit = Some(now);
        if !joins {
            return self.commit(state);
        }
        if state == self.committed {
            return false;
        }
        // Back where the burst began: the step is undone.
        if self.undo.last() == Some(&state) {
            self.undo.pop();
        }
        self.committed = state;
        self.redo.clear();
        true
    }

    /// Steps back one commit and returns the state to show, or `None` when
    /// there is nothing to undo.
    pub fn undo(&mut self) -> Option<T> {
        self.last_commit = None;
        let previous = self.undo.pop()?;
        let current = std::mem::replace(&mut self.committed, previous);
        self.redo.push(current);
        Some(self.committed.clone())
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self) -> Option<T> {
        self.last_commit = None;
        let next = self.redo.pop()?;
        let current = std::mem::replace(&mut self.committed, next);
        self.undo.push(current);
        Some(self.committed.clone())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::History;

    #[test]
    fn one_commit_is_one_step() {
        let mut h = History::new(0);
        assert!(!h.can_undo());
        assert!(h.commit(5));
        assert!(h.commit(9));
        assert_eq!(h.undo(), Some(5));
        assert_eq!(h.undo(), Some(0));
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), Some(5));
        assert_eq!(h.redo(), Some(9));
        assert_eq!(h.redo(), None);
    }

    #[test]
    fn a_commit_without_change_is_no_step() {
        let mut h = History::new(3);
        assert!(!h.commit(3));
        assert!(!h.can_undo());
    }

    #[test]
    fn a_new_commit_clears_redo() {
        let mut h = History::new(0);
        h.commit(1);
        h.commit(2);
        assert_eq!(h.undo(), Some(1));
        assert!(h.can_redo());
        h.commit(7);
        assert!(!h.can_redo());
        assert_eq!(h.undo(), Some(1));
        assert_eq!(h.committed(), &1);
    }

    #[test]
    fn a_held_key_is_one_step_and_a_pause_starts_another() {
        let mut h = History::new(0);
        // Ninety repeats, 33 ms apart: one step.
        for i in 1..=90 {
            assert!(h.commit_at(i, f64::from(i) * 33.0, 500.0));
        }
        assert_eq!(h.undo(), Some(0));
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), Some(90));
        // After a pause, a new step.
        h.commit_at(91, 10_000.0, 500.0);
        h.commit_at(92, 10_100.0, 500.0);
        assert_eq!(h.undo(), Some(90));
        // A burst that ends where it began leaves no step.
        let mut h = History::new(0);
        h.commit_at(1, 0.0, 500.0);
        h.commit_at(0, 100.0, 500.0);
        assert!(!h.can_undo());
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::new(0);
        for i in 1..=(super::LIMIT + 50) {
            h.commit(i);
        }
        let mut steps = 0;
        while h.undo().is_some() {
            steps += 1;
        }
        assert_eq!(steps, super::LIMIT);
        assert_eq!(h.committed(), &50);
    }
}
