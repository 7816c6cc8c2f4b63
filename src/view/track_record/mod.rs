//! "Hoe goed rekent het model?" / "How well does the model forecast?": the
//! model's forecast track record (`calibration::track_record`, the same
//! numbers as the command line's `--track-record`). For the letter's own
//! forecast and each origin: a chart of the asylum backlog beside the
//! published stocks, the fit statistics, what it got right and wrong in
//! words, and the table of every figure after the origin.
//!
//! The track record is a few hundred runs of the model and does not depend
//! on the scenario on screen, so it is computed once, when the reader first
//! opens the panel, and never on page load or on a lever's input.

mod words;

use doorstroom_charts::{FORECAST_TITLE, ForecastInput, Theme, draw_forecast, forecast_max};
use doorstroom_model::calibration::{Forecast, TrackRecord, track_record};
use doorstroom_model::record::{self, RecordRow};
use doorstroom_model::{Lang, Text, t};
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::format::{Formats, formats};
use crate::platform::timing::{self, Part};
use crate::state::use_store;
use crate::view::record_panel::{NOTE, head, line, row};

const TITLE: Text = t(
    "Hoe goed rekent het model?",
    "How well does the model forecast?",
);
const LEDE: Text = t(
    "Wat had het model gezegd als u het op een eerder moment had gebruikt? Vanaf drie momenten is het gefit op alleen de cijfers van vóór dat moment, en doorgerekend met wat daarna bekend werd over instroom, productie en wetgeving; daarnaast de prognose van de brief zelf. Elke prognose staat naast elk later gepubliceerd cijfer. MAPE is de gemiddelde afwijking in procenten; Theils verdeling splitst de fout (op logaritmische schaal) in vertekening, spreiding en covariantie.",
    "What would the model have said had you used it at an earlier date? From three dates it is fitted on only the figures published before that date, and run with what became known later about intake, production and the law; beside it stands the letter's own forecast. Each forecast is held against every figure published after its start. MAPE is the mean absolute percentage error; Theil's split divides the error (on a log scale) into bias, variance and covariance.",
);
const COMPUTING: Text = t(
    "Het model rekent de prognoses door…",
    "The model is computing the forecasts…",
);
const FAILED: Text = t(
    "De prognoses konden niet worden berekend: ",
    "The forecasts could not be computed: ",
);
const LETTER: Text = t(
    "De prognose van de brief (april 2023)",
    "The letter's forecast (April 2023)",
);
const LETTER_ABOUT: Text = t(
    "Het standaardscenario: de aannames van de brief, zonder wat daarna gebeurde.",
    "The default scenario: the letter's assumptions, without what happened later.",
);
const FROM: Text = t("Vanaf ", "From ");
const FITTED_ABOUT: Text = t(
    "Gefit op de cijfers tot en met {day}; daarna de instroom, productie en wetgeving zoals die bekend werden.",
    "Fitted on the figures up to {day}; after it the intake, production and law as they became known.",
);
const FIGURES: Text = t("Cijfers", "Figures");
const MAPE: Text = t("Gemiddelde afwijking (MAPE)", "Mean absolute error (MAPE)");
const BIAS: Text = t("Vertekening (Theil U\u{1d39})", "Bias (Theil U\u{1d39})");
const VARIANCE: Text = t("Spreiding (Theil U\u{02e2})", "Variance (Theil U\u{02e2})");
const COVARIANCE: Text = t(
    "Covariantie (Theil U\u{1d9c})",
    "Covariance (Theil U\u{1d9c})",
);
const NO_FIGURES: Text = t(
    "Na dit beginpunt zijn geen cijfers gepubliceerd om de prognose aan te toetsen.",
    "No figures were published after this origin to hold the forecast against.",
);

/// The chart's size in CSS pixels (the style sheet keeps its proportions
/// on a narrower screen).
const CHART: (f64, f64) = (460.0, 250.0);

/// The track record with what its charts need: each forecast's published
/// figures over its whole run (the diamonds before the origin too) and the
/// value axis they share.
struct Shown {
    record: TrackRecord,
    published: Vec<Vec<RecordRow>>,
    max: f64,
}

fn shown(record: TrackRecord) -> Shown {
    let published: Vec<Vec<RecordRow>> = record
        .forecasts
        .iter()
        .map(|f| record::compare(&f.run))
        .collect();
    let max = record
        .forecasts
        .iter()
        .zip(&published)
        .map(|(f, rows)| forecast_max(&f.run, rows))
        .fold(0.0, f64::max);
    Shown {
        record,
        published,
        max,
    }
}

/// Where the track record stands.
enum State {
    /// Not asked for: the panel has not been opened.
    Closed,
    Computing,
    Ready(Shown),
    Failed(String),
}

/// The forecast's key, as the track record's CSV writes it: `letter`, or
/// the origin's day.
fn key(f: &Forecast) -> String {
    f.origin
        .map_or_else(|| "letter".to_owned(), |o| o.day.to_string())
}

fn title(f: &Forecast, lang: Lang) -> String {
    f.origin.map_or_else(
        || LETTER.get(lang).to_owned(),
        |o| format!("{}{}", FROM.get(lang), o.label.get(lang)),
    )
}

fn about(f: &Forecast, fm: &Formats, lang: Lang) -> String {
    match &f.fit {
        Some(fit) => FITTED_ABOUT.get(lang).replace("{day}", &fm.day(&fit.until)),
        None => LETTER_ABOUT.get(lang).to_owned(),
    }
}

#[component]
pub fn TrackRecordPanel() -> impl IntoView {
    let lang = use_store().lang();
    let state = RwSignal::new(State::Closed);
    let details = NodeRef::<html::Details>::new();
    let toggled = move |_| {
        let open = details.get().is_some_and(|d| d.open());
        if !open || !matches!(*state.read_untracked(), State::Closed) {
            return;
        }
        state.set(State::Computing);
        // After the next paint, so that the reader sees that it computes.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let computed = timing::measure(Part::TrackRecord, track_record);
                    state.set(match computed {
                        Ok(record) => State::Ready(shown(record)),
                        Err(e) => State::Failed(e.to_string()),
                    });
                },
                std::time::Duration::ZERO,
            );
        });
    };
    let count = Memo::new(move |_| {
        state.with(|s| match s {
            State::Ready(shown) => shown.record.forecasts.len(),
            _ => 0,
        })
    });
    view! {
        <details
            class="track-record"
            data-testid="track-record"
            node_ref=details
            on:toggle=toggled
        >
            <summary>
                <h2 id="track-record-title">{move || TITLE.get(lang.get())}</h2>
            </summary>
            <p class="record-lede">{move || LEDE.get(lang.get())}</p>
            {move || {
                let lang = lang.get();
                state
                    .with(|s| match s {
                        State::Computing => {
                            Some(
                                view! {
                                    <p role="status" data-testid="track-record-status">
                                        {COMPUTING.get(lang)}
                                    </p>
                                }
                                    .into_any(),
                            )
                        }
                        State::Failed(e) => {
                            Some(
                                view! {
                                    <p role="status" data-testid="track-record-status">
                                        {format!("{}{e}", FAILED.get(lang))}
                                    </p>
                                }
                                    .into_any(),
                            )
                        }
                        State::Closed | State::Ready(_) => None,
                    })
            }}
            {move || {
                (0..count.get())
                    .map(|i| view! { <ForecastView state i /> })
                    .collect_view()
            }}
        </details>
    }
}

/// One forecast: its chart, statistics, words and table.
#[component]
fn ForecastView(state: RwSignal<State>, i: usize) -> impl IntoView {
    let lang = use_store().lang();
    let page_lang = lang;
    let with = move |f: &dyn Fn(&Shown) -> Option<AnyView>| {
        state.with(|s| match s {
            State::Ready(shown) => f(shown),
            _ => None,
        })
    };
    let canvas_ref = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let lang = lang.get();
        let fm = formats(lang);
        let ratio = crate::platform::resize::device_pixel_ratio();
        crate::platform::canvas::fit(&canvas, CHART, ratio);
        state.with(|s| {
            let State::Ready(shown) = s else { return };
            let Some(f) = shown.record.forecasts.get(i) else {
                return;
            };
            let input = ForecastInput {
                run: &f.run,
                published: &shown.published[i],
                origin: f.origin.map(|o| o.day),
                max: shown.max,
                lang,
                format: &*fm,
                theme: Theme {
                    scale: ratio,
                    large: false,
                },
            };
            if let Some(backend) = crate::platform::canvas::backend(&canvas) {
                let area = backend.into_drawing_area();
                match draw_forecast(&area, &input) {
                    Ok(()) => {
                        let _ = area.present();
                    }
                    Err(error) => leptos::logging::warn!("forecast {i} not drawn: {error:?}"),
                }
            }
        });
    });
    let origin = move || {
        state.with(|s| match s {
            State::Ready(shown) => shown.record.forecasts.get(i).map(key),
            _ => None,
        })
    };
    let heading_id = move || format!("forecast-{i}-title");
    let body = move || {
        let lang = lang.get();
        let fm = formats(lang);
        with(&|shown| {
            let f = shown.record.forecasts.get(i)?;
            let verdict = words::verdict(&f.rows, f.stats.as_ref());
            let sentences = words::sentences(&verdict, &fm, lang).join(" ");
            let stats = f.stats.map(|s| {
                let pairs = [
                    (FIGURES, fm.whole(s.n as f64), "n"),
                    (MAPE, fm.percent(s.mape_pct / 100.0), "mape"),
                    (BIAS, fm.percent(s.bias), "bias"),
                    (VARIANCE, fm.percent(s.variance), "variance"),
                    (COVARIANCE, fm.percent(s.covariance), "covariance"),
                ];
                view! {
                    <dl class="forecast-stats" data-testid="forecast-stats">
                        {pairs
                            .into_iter()
                            .map(|(label, value, key)| {
                                view! {
                                    <div>
                                        <dt>{label.get(lang)}</dt>
                                        <dd data-stat=key>{value}</dd>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                }
            });
            let note = NOTE.get(lang);
            let rows = f
                .rows
                .iter()
                .map(|r| {
                    let l = line(r, &fm, lang);
                    let (csv, model, difference, far) =
                        (l.csv.clone(), l.model.clone(), l.difference.clone(), l.far);
                    row(
                        l,
                        note,
                        move || Some(csv.clone()),
                        move || Some(model.clone()),
                        move || Some(difference.clone()),
                        move || far,
                    )
                })
                .collect_view();
            let table = (!f.rows.is_empty()).then(|| {
                view! {
                    <div class="record-table forecast-table" tabindex="0">
                        <table>
                            <thead>{head(page_lang)}</thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            });
            let words = if f.rows.is_empty() {
                NO_FIGURES.get(lang).to_owned()
            } else {
                sentences
            };
            Some(
                view! {
                    <div class="forecast-text">
                        <h3 id=heading_id()>{title(f, lang)}</h3>
                        <p class="forecast-about">{about(f, &fm, lang)}</p>
                        {stats}
                    </div>
                    <p class="forecast-words" data-testid="forecast-words">
                        {words}
                    </p>
                    {table}
                }
                .into_any(),
            )
        })
    };
    view! {
        <article
            class="forecast"
            data-testid="forecast"
            data-origin=origin
            aria-labelledby=heading_id
        >
            <canvas
                node_ref=canvas_ref
                class="forecast-chart"
                role="img"
                aria-label=move || {
                    state
                        .with(|s| match s {
                            State::Ready(shown) => {
                                shown.record.forecasts.get(i).map(|f| {
                                    let lang = lang.get();
                                    format!("{}: {}", FORECAST_TITLE.get(lang), title(f, lang))
                                })
                            }
                            _ => None,
                        })
                }
            ></canvas>
            {body}
        </article>
    }
}
