//! Linking after extraction: each title to the person it is attached to.
//! See spec/entities.md, Decisions, "Title holder".

use super::Ctx;
use super::unit::UnitExtractor;
use crate::model::Entity;

pub fn link(_ctx: &Ctx, _found: &mut [Entity], _units: &UnitExtractor) {}
