//! The printed handout's own part: what the scenario is (its caption and
//! the levers that differ from the default, in words), and the full link,
//! printed and as a QR code, so that a reader of the paper can open the same
//! page. Hidden on screen; `style/print.css` lays out the rest of the page
//! (the headline figures and the charts) around it on one or two A4 pages.

use doorstroom_model::Text;
use leptos::prelude::*;
use qrcode::QrCode;
use qrcode::render::svg;

use crate::export::today;
use crate::format::formats;
use crate::platform::timing::{self, Part};
use crate::state::use_store;
use crate::view_model::words::levers_that_differ;

const HEADING: Text = Text {
    nl: "Scenario",
    en: "Scenario",
};
const NOTE: Text = Text {
    nl: "Uitkomsten van het model Doorstroom, geen prognose van de IND. Gewijzigd ten opzichte van het standaardscenario:",
    en: "Outcomes of the Doorstroom model, not an IND forecast. Changed from the default scenario:",
};
const NOTHING_CHANGED: Text = Text {
    nl: "niets: dit is het standaardscenario.",
    en: "nothing: this is the default scenario.",
};
const LINK: Text = Text {
    nl: "Open dit scenario:",
    en: "Open this scenario:",
};
const QR_LABEL: Text = Text {
    nl: "QR-code met de link naar dit scenario",
    en: "QR code with the link to this scenario",
};
const PRINTED: Text = Text {
    nl: "Afgedrukt op",
    en: "Printed on",
};

/// The link as an SVG QR code (medium error correction: survives a smudged
/// print), or nothing if the link is too long for a QR code.
fn qr_svg(link: &str) -> String {
    QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::M)
        .map(|code| {
            code.render::<svg::Color>()
                .min_dimensions(160, 160)
                .dark_color(svg::Color("#000000"))
                .light_color(svg::Color("#ffffff"))
                .build()
        })
        .unwrap_or_default()
}

#[component]
pub fn Handout() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // The handout is printed, never looked at while a slider moves, so it
    // follows the scenario when a drag ends rather than at every frame of
    // it: a drag's frames then draw no QR code.
    let settled = store.settled();
    // The link follows the settled scenario and everything else the link
    // holds (a title typed, the runs changed, a scenario pinned), so the
    // paper always opens what it shows.
    let link = Memo::new(move |_| {
        crate::platform::reruns::rerun(crate::platform::reruns::Node::Rest);
        settled.track();
        store.track_page_state();
        untrack(|| store.link())
    });
    let differ = move || {
        let lang = lang.get();
        settled.with(|s| levers_that_differ(s, lang))
    };
    view! {
        <section class="handout print-only" data-testid="handout" aria-hidden="true">
            <h2>{move || HEADING.get(lang.get())}</h2>
            <div class="handout-body">
                <div class="handout-levers">
                    <p>{move || NOTE.get(lang.get())}</p>
                    {move || {
                        let items = differ();
                        if items.is_empty() {
                            view! { <p>{NOTHING_CHANGED.get(lang.get())}</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }}
                    <p class="handout-link">
                        {move || LINK.get(lang.get())}
                        " "
                        // A link on paper and in a PDF, where it can be clicked.
                        <a class="link-text" data-testid="handout-link" href=move || link.get()>
                            {move || link.get()}
                        </a>
                    </p>
                    <p class="handout-date">
                        {move || {
                            let lang = lang.get();
                            format!("{} {}", PRINTED.get(lang), formats(lang).day(&today()))
                        }}
                    </p>
                </div>
                <div
                    class="handout-qr"
                    role="img"
                    aria-label=move || QR_LABEL.get(lang.get())
                    inner_html=move || link.with(|l| timing::measure(Part::Handout, || qr_svg(l)))
                ></div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_an_svg_of_black_modules() {
        let svg = qr_svg("http://localhost/?v=1&intake=60000");
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("#000000"));
        assert!(svg.len() > 500);
    }
}
