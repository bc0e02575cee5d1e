//! JSON Schemas of the error bodies (draft 2020-12, the dialect of OpenAPI 3.1), for
//! documentation generators: [`BodyFormat::json_schema`](crate::BodyFormat::json_schema).
//!
//! Each schema is written next to the format that writes the bodies it describes, and
//! states only what that writer guarantees.

use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::taxonomy::code::OAuthError;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::body::code_title;
use crate::wire::error::{MemberName, MemberValue};
use crate::wire::text::{MAX_CODE_LEN, MAX_TEXT_LEN, MAX_URI_LEN};

/// What a body schema describes: the bodies of one documented response, sent with
/// `status` at `endpoint` for one of `codes`, under a contract with `fixed_members`.
///
/// ```
/// use http::StatusCode;
/// use oauth_errors::{BodyFormat, Endpoint, OAuthError, OAuthJson, SchemaContext};
///
/// let codes = [OAuthError::InvalidGrant, OAuthError::InvalidScope];
/// let ctx = SchemaContext::new(StatusCode::BAD_REQUEST, Endpoint::Token, &codes, &[]);
/// let schema = OAuthJson.json_schema(&ctx).unwrap();
/// assert_eq!(schema["properties"]["error"]["enum"], serde_json::json!(["invalid_grant", "invalid_scope"]));
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct SchemaContext<'a> {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The endpoint the errors are returned from.
    pub endpoint: Endpoint,
    /// The codes this response carries (at least one; extension codes included).
    pub codes: &'a [OAuthError],
    /// The contract's fixed members, written in every body.
    pub fixed_members: &'a [(MemberName, MemberValue)],
}

impl<'a> SchemaContext<'a> {
    /// A context (see the [type-level example](SchemaContext)).
    pub fn new(
        status: StatusCode,
        endpoint: Endpoint,
        codes: &'a [OAuthError],
        fixed_members: &'a [(MemberName, MemberValue)],
    ) -> Self {
        SchemaContext { status, endpoint, codes, fixed_members }
    }
}

/// The `error` member: an enum of the codes, each described from the table.
pub(crate) fn code_schema(codes: &[OAuthError]) -> Value {
    let mut description = String::from("The error code (RFC 6749 §5.2).");
    for code in codes {
        let info = code.info();
        description.push_str(&format!("\n\n* `{}`: {}", code.as_str(), info.description));
    }
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_CODE_LEN,
        "enum": codes.iter().map(OAuthError::as_str).collect::<Vec<_>>(),
        "description": description,
    })
}

fn description_schema(what: &str) -> Value {
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_TEXT_LEN,
        "description": format!(
            "{what}: printable ASCII without `\"` and `\\` (RFC 6749 Appendix A.2) unless the \
             server deliberately sends relaxed Unicode text (no control characters)."
        ),
    })
}

fn uri_schema() -> Value {
    json!({
        "type": "string",
        "format": "uri-reference",
        "minLength": 1,
        "maxLength": MAX_URI_LEN,
        "description": "A page with information about the error (RFC 6749 §5.2).",
    })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Adds the contract's fixed members (present in every body; an error's own member of
/// the same name may carry another value) and closes the object schema.
fn finish(
    mut properties: Map<String, Value>,
    mut required: Vec<String>,
    ctx: &SchemaContext<'_>,
    skip: &[&str],
    description: &str,
) -> Value {
    for (name, value) in ctx.fixed_members {
        if skip.contains(&name.as_str()) || properties.contains_key(name.as_str()) {
            continue;
        }
        let value = value.to_json();
        properties.insert(
            name.as_str().to_owned(),
            json!({
                "type": json_type(&value),
                "description": "Sent with every error of this API.",
                "examples": [value],
            }),
        );
        required.push(name.as_str().to_owned());
    }
    json!({
        "type": "object",
        "description": description,
        "required": required,
        "properties": properties,
        "additionalProperties": true,
    })
}

/// [`OAuthJson`](crate::OAuthJson): `error`, optional `error_description` and `error_uri`,
/// extra members at the top level.
pub(crate) fn oauth_json(ctx: &SchemaContext<'_>) -> Value {
    let mut properties = Map::new();
    properties.insert("error".into(), code_schema(ctx.codes));
    properties.insert("error_description".into(), description_schema("Human-readable text"));
    properties.insert("error_uri".into(), uri_schema());
    finish(
        properties,
        vec!["error".into()],
        ctx,
        &[],
        "An OAuth 2.0 error response (RFC 6749 §5.2): `error`, optional `error_description` \
         and `error_uri`, and any extension members at the top level. Never `null`.",
    )
}

/// [`ProblemJson`](crate::ProblemJson): RFC 9457 members, then the OAuth members.
pub(crate) fn problem_json(type_base: Option<&str>, ctx: &SchemaContext<'_>) -> Value {
    let (types, titles): (Vec<String>, Vec<String>) = match type_base {
        Some(base) => ctx
            .codes
            .iter()
            .map(|c| (format!("{base}{}", c.as_str()), code_title(c.as_str())))
            .unzip(),
        None => (
            vec!["about:blank".into()],
            vec![ctx.status.canonical_reason().unwrap_or("Error").into()],
        ),
    };
    let dedup = |mut v: Vec<String>| {
        let mut seen = Vec::with_capacity(v.len());
        v.retain(|s| {
            let new = !seen.contains(s);
            if new {
                seen.push(s.clone());
            }
            new
        });
        v
    };
    let mut properties = Map::new();
    properties.insert(
        "type".into(),
        json!({
            "type": "string",
            "format": "uri-reference",
            "enum": dedup(types),
            "description": "The problem type (RFC 9457 §3.1.1).",
        }),
    );
    properties.insert(
        "title".into(),
        json!({
            "type": "string",
            "enum": dedup(titles),
            "description": "A short summary of the problem type (RFC 9457 §3.1.3).",
        }),
    );
    properties.insert(
        "status".into(),
        json!({
            "type": "integer",
            "enum": [ctx.status.as_u16()],
            "description": "The HTTP status of the response (RFC 9457 §3.1.2).",
        }),
    );
    properties
        .insert("detail".into(), description_schema("The `error_description` (RFC 9457 §3.1.4)"));
    properties.insert("error".into(), code_schema(ctx.codes));
    properties.insert("error_uri".into(), uri_schema());
    finish(
        properties,
        vec!["type".into(), "title".into(), "status".into(), "error".into()],
        ctx,
        &["type", "title", "status", "detail", "instance", "error", "error_uri"],
        "RFC 9457 problem details, with the OAuth `error` (and `error_uri`) as extension \
         members.",
    )
}
