//! The explorer page's components, one job each.

pub mod briefing_file;
pub mod chart_panel;
pub mod chart_table;
pub mod compare;
pub mod embed_dialog;
pub mod explain;
pub mod glossary;
pub mod handout;
pub mod headline_levers;
pub mod image_downloads;
pub mod info;
pub mod kpis;
pub mod lever;
pub mod lever_groups;
pub mod notice;
pub mod pipeline;
pub mod presentation;
pub mod presets;
pub mod printed_chart;
pub mod record_panel;
pub mod scenario_heading;
pub mod shortcuts;
pub mod toolbar;
pub mod track_record;
pub mod uncertainty;
