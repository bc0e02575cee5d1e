//! Reading OAuth credentials from requests, framework-free, with the rejections the
//! specifications prescribe.
//!
//! * [`AccessTokenConfig::extract`] → [`AccessToken`]: the access token of a
//!   protected-resource request (RFC 6750 §2.1 `Bearer`, RFC 9449 §7 `DPoP`, optionally
//!   RFC 6750 §2.2 form bodies), or the [`Rejection`](crate::Rejection) to answer with —
//!   the 401 challenge without error when there are no credentials, 400
//!   `invalid_request` with the challenges when they are malformed or sent twice.
//! * [`ClientCredentials::extract`] → [`ClientCredentials`]: the client authentication of a
//!   token-style request (RFC 6749 §2.3.1 `client_secret_basic` with form-urlencoded id and
//!   secret, `client_secret_post`, assertions, `none`), whose
//!   [`invalid_client`](ClientCredentials::invalid_client) is 401 or 400 as RFC 6749 §5.2
//!   wants.
//! * [`FormParams`]: strict `application/x-www-form-urlencoded` parameters (RFC 6749 §3.1:
//!   no repeats, empty means absent), readable as the handler's own serde type.
//!
//! Headers are read through [`RequestHeaders`], implemented for `http` 1.x and for
//! actix-web requests, so axum, actix-web, hyper and tower services share one
//! implementation.
//!
//! # Framework extractors
//!
//! With the `axum` feature, [`AccessToken`] and [`OptionalAccessToken`] implement
//! `FromRequestParts` and [`ClientForm`] implements `FromRequest`; with `actix-web`, all
//! three implement actix's `FromRequest`. Their configuration ([`AccessTokenConfig`], [`ClientAuthConfig`]) comes
//! from the request extensions (axum: `.layer(Extension(config))`) or the app data
//! (actix-web: `.app_data(config)`); without one, the defaults apply.
//!
//! **Reading the body once.** Client authentication may be in the form body
//! (`client_secret_post`), so [`ClientForm<F>`] reads the body itself — as a form, with
//! the checks of [`FormParams::from_body`] — and hands the handler both the
//! [`ClientCredentials`] and the form as its own type `F` (any `serde::Deserialize` type,
//! or [`FormParams`]). The handler then takes no other body extractor. Its rejections are
//! [`ErrorResponse`](crate::ErrorResponse)s: `invalid_request` for a form that is not one
//! (wrong `Content-Type`, not UTF-8, a repeated parameter, a required parameter missing),
//! 413 `invalid_request` for a body over the framework's limit (axum's
//! `DefaultBodyLimit`, actix-web's `PayloadConfig`), and the rejections of
//! [`ClientCredentials::extract`].

mod access_token;
mod client;
mod form;
mod headers;

pub use self::access_token::{AccessToken, AccessTokenConfig, OptionalAccessToken, TokenScheme};
pub use self::client::{ClientAuthConfig, ClientAuthMethod, ClientCredentials};
pub use self::form::{FormError, FormParams};
pub use self::headers::{HeaderField, RequestHeaders};

/// A token-style request's client credentials and form, read from the body once.
///
/// The axum (`FromRequest`) and actix-web (`FromRequest`) extractor for token, revocation,
/// introspection, PAR, device-authorization and CIBA endpoints: see the
/// [module docs](self#framework-extractors). Build one framework-free with
/// [`ClientForm::from_body`].
///
/// ```
/// use http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};
/// use oauth_errors::extract::{ClientAuthConfig, ClientForm};
///
/// #[derive(serde::Deserialize)]
/// struct TokenParams { grant_type: String, scope: Option<String> }
///
/// let mut headers = HeaderMap::new();
/// headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/x-www-form-urlencoded"));
/// let body = b"grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret";
/// let ClientForm { client, form } =
///     ClientForm::<TokenParams>::from_body(&ClientAuthConfig::new("demo"), &headers, body)?;
/// assert_eq!(client.client_id(), Some("demo-client"));
/// assert_eq!((form.grant_type.as_str(), form.scope), ("client_credentials", None));
/// # Ok::<(), oauth_errors::ErrorResponse>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClientForm<F = FormParams> {
    /// The client's credentials.
    pub client: ClientCredentials,
    /// The form, as the handler's type.
    pub form: F,
}

impl<F: serde::de::DeserializeOwned> ClientForm<F> {
    /// Reads the form ([`FormParams::from_body`]), the client credentials
    /// ([`ClientCredentials::extract`]) and `F` ([`FormParams::deserialize`]), in that
    /// order.
    ///
    /// # Errors
    ///
    /// The first failure, as the [`ErrorResponse`](crate::ErrorResponse) to answer with.
    ///
    /// ```
    /// use oauth_errors::extract::{ClientAuthConfig, ClientForm, FormParams};
    ///
    /// // Not a form: invalid_request before anything else.
    /// let err = ClientForm::<FormParams>::from_body(&ClientAuthConfig::default(), &http::HeaderMap::new(), b"{}")
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_body().as_ref(),
    ///     br#"{"error":"invalid_request","error_description":"The request body must be application/x-www-form-urlencoded"}"#
    /// );
    /// ```
    pub fn from_body(
        config: &ClientAuthConfig,
        headers: &(impl RequestHeaders + ?Sized),
        body: &[u8],
    ) -> Result<Self, crate::ErrorResponse> {
        let params = FormParams::from_body(headers, body)?;
        let client = ClientCredentials::extract(config, headers, &params)?;
        let form = params.deserialize()?;
        Ok(ClientForm { client, form })
    }
}
