//! Cohorts by the week of an event, so that each week touches only the
//! cohorts whose status changes or whose penalties run, not every cohort
//! still waiting.

/// The indices of the cohorts whose event falls in each week `lo..hi`, as
/// one flat list with a start per week (a compressed sparse row).
pub(crate) struct Calendar {
    lo: i32,
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Calendar {
    /// Files cohort `i` under `weeks[i]`, keeping only weeks in `lo..hi`.
    pub fn new(lo: i32, hi: i32, weeks: impl Iterator<Item = i32> + Clone) -> Calendar {
        let span = (hi - lo).max(0) as usize;
        let slot = |w: i32| (lo..hi).contains(&w).then(|| (w - lo) as usize);
        let mut starts = vec![0u32; span + 1];
        for w in weeks.clone() {
            if let Some(s) = slot(w) {
                starts[s + 1] += 1;
            }
        }
        for s in 0..span {
            starts[s + 1] += starts[s];
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; starts[span] as usize];
        for (i, w) in weeks.enumerate() {
            if let Some(s) = slot(w) {
                items[next[s] as usize] = i as u32;
                next[s] += 1;
            }
        }
        Calendar { lo, starts, items }
    }

    /// The cohorts filed under week `w`, in index order.
    pub fn on(&self, w: i32) -> &[u32] {
        let Ok(s) = usize::try_from(w - self.lo) else {
            return &[];
        };
        match (self.starts.get(s), self.starts.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_by_week_in_range() {
        let weeks = [3, -2, 3, 10, 0, -9];
        let c = Calendar::new(-5, 5, weeks.iter().copied());
        assert_eq!(c.on(3), &[0, 2]);
        assert_eq!(c.on(-2), &[1]);
        assert_eq!(c.on(0), &[4]);
        assert!(c.on(10).is_empty() && c.on(-9).is_empty() && c.on(4).is_empty());
        assert!(c.on(i32::MIN).is_empty() && c.on(i32::MAX / 2).is_empty());
    }
}
