//! Thin framework adapters over the core: each converts the `http::Response<Bytes>` the
//! core renders, without changing a header or a byte, and adds an
//! [`ErrorReport`](crate::ErrorReport) to the response extensions; and the bridge to the
//! `oauth2` client crate, over the client half.

#[cfg(feature = "actix-web")]
pub(crate) mod actix;
#[cfg(feature = "axum")]
pub(crate) mod axum;
#[cfg(feature = "axum-extract")]
pub(crate) mod axum_extract;
#[cfg(feature = "oauth2")]
pub(crate) mod oauth2;
#[cfg(feature = "utoipa")]
pub mod openapi;

/// The `invalid_request`s that framework rejections become, the same in every framework.
/// The framework's own message becomes the internal cause (logged, never sent): it may
/// echo request content and differs between frameworks.
#[cfg(any(feature = "actix-web", feature = "axum-extract"))]
pub(crate) mod rejections {
    use crate::text::ErrorText;
    use crate::{ErrorResponse, ErrorStatus, OAuthError};

    /// What went wrong, framework-independent.
    #[derive(Debug, Clone, Copy)]
    pub(crate) enum Kind {
        FormContentType,
        FormInvalid,
        JsonContentType,
        JsonSyntax,
        JsonData,
        Query,
        Path,
        TooLarge,
        Unreadable,
    }

    fn text(kind: Kind) -> ErrorText {
        match kind {
            Kind::FormContentType => {
                crate::error_text!("The request body must be application/x-www-form-urlencoded")
            }
            Kind::FormInvalid => crate::error_text!("The form parameters are invalid"),
            Kind::JsonContentType => {
                crate::error_text!("The request body must be application/json")
            }
            Kind::JsonSyntax => crate::error_text!("The request body is not valid JSON"),
            Kind::JsonData => {
                crate::error_text!("The JSON body does not have the expected members")
            }
            Kind::Query => crate::error_text!("The query parameters are invalid"),
            Kind::Path => crate::error_text!("The request path is invalid"),
            Kind::TooLarge => crate::error_text!("The request body is too large"),
            Kind::Unreadable => crate::error_text!("The request body could not be read"),
        }
    }

    /// `invalid_request` (413 for [`Kind::TooLarge`]) with `cause` (the framework's
    /// message) as the internal cause.
    pub(crate) fn error(kind: Kind, cause: impl std::fmt::Display) -> ErrorResponse {
        let err = OAuthError::InvalidRequest
            .with_description(text(kind))
            .with_boxed_cause(cause.to_string().into());
        match kind {
            Kind::TooLarge => err.with_status(ErrorStatus::PAYLOAD_TOO_LARGE),
            _ => err,
        }
    }
}
