//! The page's view: its regions (the masthead, the controls column, the
//! results, the footer) and the components they are made of, one job each.
//! What they show is computed in `view_model/` (pure, tested natively) and
//! held in `state/`; the view only lays it out and wires the events.

pub mod briefing_file;
pub mod chart_panel;
pub mod chart_table;
pub mod compare;
pub mod controls;
pub mod embed_dialog;
pub mod explain;
pub mod footer;
pub mod glossary;
pub mod handout;
pub mod headline_levers;
pub mod image_downloads;
pub mod info;
pub mod kpis;
pub mod lever;
pub mod lever_groups;
pub mod masthead;
pub mod notice;
pub mod pipeline;
pub mod presentation;
pub mod presets;
pub mod printed_chart;
pub mod record_panel;
pub mod results;
pub mod scenario_heading;
pub mod shortcuts;
pub mod toolbar;
pub mod track_record;
pub mod uncertainty;
