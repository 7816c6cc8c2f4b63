//! The page's own fields: what the link holds besides the scenario's levers
//! (the title and note, the pinned scenarios, the language, the bands'
//! settings, the published-figures switch), kept in one reactive store.
//!
//! Each field is tracked on its own, so a view reads only the field it
//! shows (the tab's title re-runs when the title changes, not when a
//! scenario is pinned). Restoring from the address or opening a briefing
//! is one [`Patch`]: the store compares field by field and notifies only
//! the fields that differ, where setting signal after signal had to
//! compare each by hand.

use std::panic::Location;

use doorstroom_address::{Compared, PageState};
use doorstroom_model::uncertainty::BandSettings;
use doorstroom_model::{Lang, Scenario};
use leptos::prelude::{DefinedAt, ReadUntracked, Track};
use reactive_stores::{Patch, Store, Subfield};

/// The page's fields of a [`PageState`]: all of it but the scenario, which
/// the levers keep lever by lever. Fields of the model's and the link's
/// types are patched whole: compared, and notified when they differ.
#[derive(Clone, Debug, PartialEq, Store, Patch)]
pub struct PageFields {
    /// The scenario's own title (empty: none).
    pub title: String,
    /// A one-line note on the scenario (empty: none).
    pub note: String,
    /// The pinned baseline; `None` compares with the world's defaults.
    #[patch(|this, new| *this = new)]
    pub baseline: Option<Scenario>,
    /// The baseline's title (empty: none).
    pub baseline_title: String,
    /// The other pinned scenarios, with their titles.
    #[patch(|this, new| *this = new)]
    pub compared: Vec<Compared>,
    #[patch(|this, new| *this = new)]
    pub lang: Lang,
    /// Whether the uncertainty bands are shown, and their settings.
    #[patch(|this, new| *this = new)]
    pub bands: BandSettings,
    /// Whether the published figures are hidden on the charts.
    pub hide_published: bool,
}

impl PageFields {
    /// Splits a page state into its scenario and the page's own fields.
    pub fn split(state: PageState) -> (Scenario, PageFields) {
        let PageState {
            scenario,
            title,
            note,
            baseline,
            baseline_title,
            compared,
            lang,
            bands,
            hide_published,
        } = state;
        let fields = PageFields {
            title,
            note,
            baseline,
            baseline_title,
            compared,
            lang,
            bands,
            hide_published,
        };
        (scenario, fields)
    }

    /// The page state of these fields with `scenario`: what the link says.
    pub fn with_scenario(self, scenario: Scenario) -> PageState {
        let PageFields {
            title,
            note,
            baseline,
            baseline_title,
            compared,
            lang,
            bands,
            hide_published,
        } = self;
        PageState {
            scenario,
            title,
            note,
            baseline,
            baseline_title,
            compared,
            lang,
            bands,
            hide_published,
        }
    }
}

/// One field of the page's store, to read and track only: every change
/// goes through a method of the page's `Store`, which also keeps the
/// address in step.
pub struct ReadField<T: 'static>(Subfield<Store<PageFields>, PageFields, T>);

impl<T: 'static> ReadField<T> {
    pub fn new(field: Subfield<Store<PageFields>, PageFields, T>) -> Self {
        ReadField(field)
    }
}

impl<T: 'static> Clone for ReadField<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for ReadField<T> {}

impl<T: Send + Sync + 'static> DefinedAt for ReadField<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.0.defined_at()
    }
}

impl<T: Send + Sync + 'static> Track for ReadField<T> {
    fn track(&self) {
        self.0.track();
    }
}

impl<T: Send + Sync + 'static> ReadUntracked for ReadField<T> {
    type Value = <Subfield<Store<PageFields>, PageFields, T> as ReadUntracked>::Value;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.0.try_read_untracked()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use doorstroom_address::PageState;
    use leptos::prelude::*;

    use super::*;

    fn state(query: &str) -> PageState {
        PageState::read(query).0
    }

    #[test]
    fn a_page_state_splits_and_joins_unchanged() {
        for query in [
            "",
            "v=2&fte=800&title=Meer%20personeel&note=Een%20regel&lang=en&published=off",
            "v=2&intake=77000&base=v%3D2%26intake%3D49000&base_title=Laag",
        ] {
            let state = state(query);
            let (scenario, fields) = PageFields::split(state.clone());
            assert_eq!(fields.with_scenario(scenario), state, "{query}");
        }
    }

    /// A reader of one field, counting its runs.
    fn counted<T: Clone + PartialEq + Send + Sync + 'static>(
        field: ReadField<T>,
    ) -> (Memo<T>, Arc<AtomicUsize>) {
        let runs = Arc::new(AtomicUsize::new(0));
        let memo = Memo::new({
            let runs = Arc::clone(&runs);
            move |_| {
                runs.fetch_add(1, Ordering::SeqCst);
                field.get()
            }
        });
        (memo, runs)
    }

    #[test]
    fn a_patch_notifies_only_the_fields_that_differ() {
        let owner = Owner::new();
        owner.set();
        let (_, before) = PageFields::split(state("v=2&title=Eerst&note=Blijft"));
        let store = Store::new(before.clone());
        let (title, title_runs) = counted(ReadField::new(store.title()));
        let (note, note_runs) = counted(ReadField::new(store.note()));
        let (lang, lang_runs) = counted(ReadField::new(store.lang()));
        assert_eq!(
            (title.get(), note.get(), lang.get()),
            ("Eerst".to_owned(), "Blijft".to_owned(), Lang::Nl)
        );
        let after = PageFields {
            title: "Daarna".to_owned(),
            lang: Lang::En,
            ..before
        };
        store.patch(after.clone());
        assert_eq!(
            (title.get(), note.get(), lang.get()),
            ("Daarna".to_owned(), "Blijft".to_owned(), Lang::En)
        );
        assert_eq!(title_runs.load(Ordering::SeqCst), 2);
        assert_eq!(lang_runs.load(Ordering::SeqCst), 2);
        assert_eq!(
            note_runs.load(Ordering::SeqCst),
            1,
            "the note did not change"
        );
        // Patching with what is there already notifies no field.
        store.patch(after);
        let _ = (title.get(), note.get(), lang.get());
        assert_eq!(title_runs.load(Ordering::SeqCst), 2);
        assert_eq!(lang_runs.load(Ordering::SeqCst), 2);
    }
}
