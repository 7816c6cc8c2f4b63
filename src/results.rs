use leptos::prelude::*;

/// A headline figure: a large number with its change against the baseline.
struct Figure {
    id: &'static str,
    label: &'static str,
}

const FIGURES: [Figure; 4] = [
    Figure {
        id: "werkvoorraad-eind",
        label: "Werkvoorraad aan het eind",
    },
    Figure {
        id: "werkvoorraad-piek",
        label: "Hoogste werkvoorraad",
    },
    Figure {
        id: "kosten",
        label: "Dwangsommen en proceskosten",
    },
    Figure {
        id: "binnen-termijn",
        label: "Binnen de termijn beslist",
    },
];

/// A chart the results area will draw, and what it will show.
struct Chart {
    id: &'static str,
    title: &'static str,
    about: &'static str,
}

const CHARTS: [Chart; 4] = [
    Chart {
        id: "werkvoorraad",
        title: "Werkvoorraad",
        about: "Zaken binnen de termijn, over de termijn en bij de rechter, per week.",
    },
    Chart {
        id: "kosten",
        title: "Kosten",
        about: "Dwangsommen en proceskosten per week en opgeteld.",
    },
    Chart {
        id: "wachttijd",
        title: "Wachttijd",
        about: "De verwachte wachttijd voor een aanvraag die in die week binnenkomt.",
    },
    Chart {
        id: "beslissingen",
        title: "Beslissingen en instroom",
        about: "Hoeveel zaken er per week binnenkomen en hoeveel er worden beslist.",
    },
];

/// The results: headline figures above, the charts below. Each is a labelled
/// region that says what it will show until the model computes a run.
#[component]
pub fn Results() -> impl IntoView {
    view! {
        <main class="results">
            <section class="figures" aria-labelledby="figures-title">
                <h2 id="figures-title" class="visually-hidden">"Kerncijfers"</h2>
                {FIGURES
                    .iter()
                    .map(|figure| {
                        view! {
                            <div class="figure" id=format!("kerncijfer-{}", figure.id)>
                                <p class="figure-label">{figure.label}</p>
                                <p class="figure-value">"volgt"</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </section>
            <section class="charts" aria-labelledby="charts-title">
                <h2 id="charts-title" class="visually-hidden">"Grafieken"</h2>
                {CHARTS
                    .iter()
                    .map(|chart| {
                        let title_id = format!("grafiek-{}", chart.id);
                        let labelled_by = title_id.clone();
                        view! {
                            <figure class="chart" aria-labelledby=labelled_by>
                                <figcaption>
                                    <h3 id=title_id>{chart.title}</h3>
                                    <p>{chart.about}</p>
                                </figcaption>
                                <div class="chart-body">
                                    <p>"Grafiek volgt"</p>
                                </div>
                            </figure>
                        }
                    })
                    .collect_view()}
            </section>
        </main>
    }
}
