//! Every other lever of the model, in folded groups built from the lever
//! table (one `<details>` per `LeverGroup`), each saying how many of its
//! levers differ from the default, so a changed lever is never hidden.

use doorstroom_model::LeverGroup;
use leptos::prelude::*;

use crate::i18n;
use crate::platform::reruns::{Node, rerun};
use crate::state::use_store;
use crate::view::lever::LeverControl;

#[component]
fn Group(group: LeverGroup) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let members: Vec<_> = group.levers().collect();
    // The group's count reads its members' "changed" marks only: a lever
    // of another group, or one of its own that stays on the same side of
    // its default, re-runs nothing here.
    let marks: Vec<_> = members
        .iter()
        .map(|l| store.lever_changed(l.index()))
        .collect();
    let later = store.first_screen_done();
    let changed = Memo::new(move |_| {
        rerun(Node::Group);
        marks.iter().filter(|m| m.get()).count()
    });
    view! {
        <details class="group" data-group=format!("{group:?}")>
            <summary>
                <span class="group-label">{move || group.label(lang.get())}</span>
                <span class="group-changed" hidden=move || changed.get() == 0>
                    {move || format!("{} {}", changed.get(), i18n::GROUP_CHANGED.get(lang.get()))}
                </span>
            </summary>
            <div class="group-body">
                // A folded group's controls are not seen on the first
                // screen: they are built once it is painted, so that the
                // first chart does not wait for them.
                {move || {
                    later
                        .get()
                        .then(|| {
                            members
                                .iter()
                                .map(|&lever| view! { <LeverControl lever /> })
                                .collect_view()
                        })
                }}
            </div>
        </details>
    }
}

#[component]
pub fn LeverGroups() -> impl IntoView {
    let lang = use_store().lang();
    // The headline levers stand above, always in view.
    let groups = LeverGroup::ALL
        .into_iter()
        .filter(|g| *g != LeverGroup::Headline && g.levers().next().is_some())
        .map(|group| view! { <Group group /> })
        .collect_view();
    view! {
        <section class="lever-groups" aria-labelledby="groups-title">
            <h2 id="groups-title" class="section-title">
                {move || i18n::MORE_LEVERS.get(lang.get())}
            </h2>
            {groups}
        </section>
    }
}
