//! The client half: reading errors back from bodies, redirects and challenges into the
//! same types the server half renders. Framework-free.

pub mod parse;
