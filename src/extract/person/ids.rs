//! The rule ids persons are reported with (the `rule` column), one per
//! way a name is found; `rules/persons.json` pins each with examples.

/// Rule id of the byline, which also fills the article's `byline` field.
pub const BYLINE_RULE: &str = "person.byline";

pub const RULE_FULL: &str = "person.full_name";

pub const RULE_CAPS: &str = "person.caps_name";

pub const RULE_HONORIFIC: &str = "person.after_honorific";

pub const RULE_TITLE: &str = "person.after_title";

pub const RULE_LIST: &str = "person.list";

pub const RULE_TOMB: &str = "person.tomb";

pub const RULE_GIVEN: &str = "person.given_name";

pub const RULE_INITIALS: &str = "person.initials";

pub const RULE_CREDIT: &str = "person.credit";

/// Rule id of the items of a list of names.
pub const RULE_NAME_LIST: &str = "person.name_list";

/// Rule id of a one-word foreign name paired with persons.
pub const RULE_PAIRED: &str = "person.paired_name";

/// Rule id of a name known from the corpus lexicon or the batch evidence,
/// written without a cue.
pub const RULE_KNOWN: &str = "person.known_name";

/// Rule id of a character named before the actor in brackets (`Sơn (Hà
/// Việt Dũng)`).
pub const RULE_ROLE: &str = "person.role";

/// Rule id of a player named by the minute of a goal (`Minh Đan (53')`).
pub const RULE_SCORER: &str = "person.scorer";
