//! When the address bar is written, and how: the rule behind "the address
//! always equals the scenario on screen", as a pure type tested natively.
//!
//! Browsers silently drop history writes that come too fast (Chromium
//! allows about 200 `pushState` and `replaceState` calls in ten seconds and
//! then ignores the rest: "Throttling navigation"), and a held arrow key or
//! a drag changes the scenario far faster than that. So:
//!
//! - the first change after a settled one opens a new history entry
//!   (Push), so Back returns to the scenario before it; the rest of a drag,
//!   and settled changes that follow each other within [`BURST_MS`] (a held
//!   key), rewrite that entry (Replace): one burst, one entry, however long
//!   it lasts (the gap is counted from the burst's last change, not its
//!   first);
//! - writes are at least [`GAP_MS`] apart; a change that comes sooner is
//!   owed, and written (with the newest scenario) when the gap has passed;
//! - every write is checked against what the browser holds afterwards, and
//!   one the browser dropped is owed again and retried after [`RETRY_MS`].

/// How a new address enters the session history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Entry {
    /// The same entry, rewritten.
    Replace,
    /// A new entry, so Back returns to the previous scenario.
    Push,
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A step of a drag: more will follow.
    Drag,
    /// A settled change: a drag's end, a committed field, a button.
    Settled,
    /// The same scenario in other words (the language): never a new entry.
    Relabel,
}

/// What the page should do now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plan {
    /// Write the current address this way now.
    Write(Entry),
    /// Ask again at this time (ms).
    WaitUntil(f64),
    /// Nothing is owed.
    Idle,
}

/// The least time between two history writes: ten a second, well inside
/// Chromium's 200 in ten seconds even with a new entry in every burst.
pub const GAP_MS: f64 = 100.0;
/// Settled changes closer together than this are one burst: one entry.
pub const BURST_MS: f64 = 500.0;
/// How long to wait before writing again what the browser dropped: its
/// throttle counts calls over ten seconds.
pub const RETRY_MS: f64 = 1_000.0;

#[derive(Debug, Clone, Default)]
pub struct Pacer {
    /// Whether the current entry holds a settled scenario (so the next
    /// change may open a new one).
    settled: bool,
    /// When the last change came: a change within [`BURST_MS`] of it
    /// belongs to the same burst.
    last_change: Option<f64>,
    last_write: Option<f64>,
    /// Whether a dropped write waits for its retry time.
    retry_at: Option<f64>,
    owed: Option<Entry>,
}

impl Pacer {
    /// A pacer for a page whose current entry holds what it shows.
    pub fn new() -> Self {
        Pacer {
            settled: true,
            ..Pacer::default()
        }
    }

    /// The address should now say something new.
    pub fn change(&mut self, change: Change, now: f64) -> Plan {
        let burst = self.last_change.is_some_and(|t| now - t < BURST_MS);
        if change != Change::Relabel {
            self.last_change = Some(now);
        }
        let entry = match change {
            Change::Relabel => Entry::Replace,
            Change::Drag | Change::Settled if self.settled && !burst => Entry::Push,
            Change::Drag | Change::Settled => Entry::Replace,
        };
        match change {
            Change::Drag => self.settled = false,
            Change::Settled => self.settled = true,
            Change::Relabel => {}
        }
        self.owe(entry);
        self.next(now)
    }

    /// The browser's answer to a write: whether it holds the address that
    /// was written.
    pub fn written(&mut self, entry: Entry, held: bool, now: f64) -> Plan {
        self.last_write = Some(now);
        if !held {
            self.owe(entry);
            self.retry_at = Some(now + RETRY_MS);
        }
        self.next(now)
    }

    /// A timer asked for by [`Plan::WaitUntil`] fired.
    pub fn tick(&mut self, now: f64) -> Plan {
        self.next(now)
    }

    /// The reader went Back or Forward: the browser's entry is the truth,
    /// and nothing owed may overwrite it.
    pub fn navigated(&mut self) {
        self.owed = None;
        self.retry_at = None;
        self.settled = true;
    }

    fn owe(&mut self, entry: Entry) {
        self.owed = Some(self.owed.map_or(entry, |owed| owed.max(entry)));
    }

    fn next(&mut self, now: f64) -> Plan {
        let Some(entry) = self.owed else {
            return Plan::Idle;
        };
        let earliest = self
            .last_write
            .map_or(now, |t| t + GAP_MS)
            .max(self.retry_at.unwrap_or(now));
        if now < earliest {
            return Plan::WaitUntil(earliest);
        }
        self.owed = None;
        self.retry_at = None;
        Plan::Write(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `pacer` like the page does, with a browser that holds every
    /// write, and returns the writes it made.
    fn drive(pacer: &mut Pacer, changes: &[(f64, Change)], until: f64) -> Vec<(f64, Entry)> {
        let mut writes = Vec::new();
        let mut wake: Option<f64> = None;
        let act = |plan: Plan, now: f64, pacer: &mut Pacer, writes: &mut Vec<(f64, Entry)>| {
            let mut plan = plan;
            loop {
                match plan {
                    Plan::Write(entry) => {
                        writes.push((now, entry));
                        plan = pacer.written(entry, true, now);
                    }
                    Plan::WaitUntil(t) => return Some(t),
                    Plan::Idle => return None,
                }
            }
        };
        let mut events = changes.to_vec();
        let mut now = 0.0;
        while now <= until {
            if let Some(&(t, change)) = events.first()
                && t <= now
            {
                events.remove(0);
                let plan = pacer.change(change, now);
                if let Some(w) = act(plan, now, pacer, &mut writes) {
                    wake = Some(wake.map_or(w, |x: f64| x.min(w)));
                }
                continue;
            }
            if wake.is_some_and(|w| w <= now) {
                let plan = pacer.tick(now);
                wake = act(plan, now, pacer, &mut writes);
            }
            now += 1.0;
        }
        writes
    }

    #[test]
    fn a_drag_is_one_new_entry_rewritten_at_most_ten_times_a_second() {
        let mut pacer = Pacer::new();
        // A drag of one second, an input every 16 ms, then its end.
        let mut changes: Vec<(f64, Change)> =
            (0..60).map(|i| (i as f64 * 16.0, Change::Drag)).collect();
        changes.push((1_000.0, Change::Settled));
        let writes = drive(&mut pacer, &changes, 3_000.0);
        assert_eq!(writes[0], (0.0, Entry::Push));
        assert!(
            writes[1..].iter().all(|w| w.1 == Entry::Replace),
            "{writes:?}"
        );
        assert!(writes.len() <= 12, "{} writes", writes.len());
        assert!(writes.windows(2).all(|w| w[1].0 - w[0].0 >= GAP_MS));
        assert!(
            writes.last().expect("writes").0 >= 1_000.0,
            "the end is written"
        );
    }

    #[test]
    fn a_held_key_is_one_entry_per_burst_and_far_below_the_browser_s_limit() {
        let mut pacer = Pacer::new();
        // 300 settled steps in five seconds, as a held arrow key gives.
        let changes: Vec<(f64, Change)> = (0..300)
            .map(|i| (i as f64 * 16.7, Change::Settled))
            .collect();
        let writes = drive(&mut pacer, &changes, 7_000.0);
        let pushes = writes.iter().filter(|w| w.1 == Entry::Push).count();
        assert!(pushes <= 11, "{pushes} pushes");
        assert!(writes.len() <= 60, "{} writes in 5 s", writes.len());
        assert!(writes.last().expect("writes").0 >= 300.0 * 16.7 - 17.0);
    }

    /// A held arrow key for three seconds: one settled change every 33 ms
    /// (the keyboard's repeat). The README promises one entry.
    #[test]
    fn a_key_held_for_three_seconds_is_one_entry() {
        let mut pacer = Pacer::new();
        let changes: Vec<(f64, Change)> = (0..90)
            .map(|i| (i as f64 * 33.3, Change::Settled))
            .collect();
        let writes = drive(&mut pacer, &changes, 5_000.0);
        let pushes = writes.iter().filter(|w| w.1 == Entry::Push).count();
        assert_eq!(pushes, 1, "{writes:?}");
        assert!(writes.last().expect("writes").0 >= 89.0 * 33.3);
    }

    #[test]
    fn separate_changes_are_separate_entries() {
        let mut pacer = Pacer::new();
        let writes = drive(
            &mut pacer,
            &[
                (0.0, Change::Settled),
                (2_000.0, Change::Settled),
                (4_000.0, Change::Relabel),
            ],
            5_000.0,
        );
        assert_eq!(
            writes,
            [
                (0.0, Entry::Push),
                (2_000.0, Entry::Push),
                (4_000.0, Entry::Replace)
            ]
        );
    }

    #[test]
    fn a_dropped_write_is_retried_until_it_holds() {
        let mut pacer = Pacer::new();
        assert_eq!(pacer.change(Change::Settled, 0.0), Plan::Write(Entry::Push));
        assert_eq!(
            pacer.written(Entry::Push, false, 0.0),
            Plan::WaitUntil(RETRY_MS)
        );
        assert_eq!(pacer.tick(500.0), Plan::WaitUntil(RETRY_MS));
        assert_eq!(pacer.tick(RETRY_MS), Plan::Write(Entry::Push));
        assert_eq!(pacer.written(Entry::Push, true, RETRY_MS), Plan::Idle);
    }

    #[test]
    fn navigation_cancels_what_is_owed() {
        let mut pacer = Pacer::new();
        pacer.change(Change::Settled, 0.0);
        pacer.written(Entry::Push, true, 0.0);
        assert!(matches!(
            pacer.change(Change::Drag, 10.0),
            Plan::WaitUntil(_)
        ));
        pacer.navigated();
        assert_eq!(pacer.tick(200.0), Plan::Idle);
        assert_eq!(
            pacer.change(Change::Settled, 1_000.0),
            Plan::Write(Entry::Push)
        );
    }
}
