use leptos::prelude::*;

/// A lever the controls column will offer: its name, its unit and what it
/// changes in the model.
struct Lever {
    id: &'static str,
    name: &'static str,
    unit: &'static str,
    about: &'static str,
}

/// The four headline levers, always visible. Their sliders arrive with the
/// model's `Scenario`; until then each lever is a labelled region that says
/// what it will set.
const HEADLINE_LEVERS: [Lever; 4] = [
    Lever {
        id: "instroom",
        name: "Instroom",
        unit: "aanvragen per jaar",
        about: "Het aantal asielaanvragen per jaar, met de MPP-varianten als ijkpunten.",
    },
    Lever {
        id: "personeel",
        name: "Personeel",
        unit: "fte",
        about: "Beslismedewerkers per spoor; nieuwe mensen zijn pas na hun inwerktijd productief.",
    },
    Lever {
        id: "baa",
        name: "BAA-versnelling",
        unit: "extra beslissingen per jaar",
        about: "De versnelde afhandeling voor Syrische en Jemenitische aanvragers.",
    },
    Lever {
        id: "beslistermijn",
        name: "Beslistermijn",
        unit: "maanden",
        about: "Zes maanden, of negen zolang de verlenging geldt en de rechter haar niet opzij zet.",
    },
];

/// The controls column: the headline levers, then the folded groups.
#[component]
pub fn Controls() -> impl IntoView {
    view! {
        <aside class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title">"Scenario"</h2>
            {HEADLINE_LEVERS
                .iter()
                .map(|lever| {
                    let title_id = format!("lever-{}", lever.id);
                    let labelled_by = title_id.clone();
                    view! {
                        <section class="lever" aria-labelledby=labelled_by>
                            <h3 id=title_id>{lever.name}</h3>
                            <p class="unit">{lever.unit}</p>
                            <p class="about">{lever.about}</p>
                        </section>
                    }
                })
                .collect_view()}
            <p class="pending">"De schuifregelaars volgen zodra het rekenmodel klaar is."</p>
        </aside>
    }
}
