//! [`OptionExt`]: `?` on an `Option`.

use crate::taxonomy::code::OAuthError;
use crate::wire::error::ErrorResponse;
use crate::wire::text::ErrorText;

/// `?`-friendly conversion of a missing value into an [`ErrorResponse`].
///
/// ```
/// use oauth_errors::{ErrorResponse, OAuthError, OptionExt};
///
/// fn refresh(known: Option<&str>) -> Result<&str, ErrorResponse> {
///     let grant = known.or_oauth_with(OAuthError::InvalidGrant, "unknown refresh token")?;
///     Ok(grant)
/// }
/// let err = refresh(None).unwrap_err();
/// assert_eq!(
///     err.to_body().as_ref(),
///     br#"{"error":"invalid_grant","error_description":"unknown refresh token"}"#
/// );
/// assert_eq!(refresh(Some("g")).ok(), Some("g"));
/// ```
pub trait OptionExt<T> {
    /// `None` becomes `code`.
    ///
    /// # Errors
    ///
    /// The [`ErrorResponse`] when `self` is `None`.
    ///
    /// ```
    /// use oauth_errors::{OAuthError, OptionExt};
    /// let err = None::<u32>.or_oauth(OAuthError::InvalidClient).unwrap_err();
    /// assert_eq!(err.code(), &OAuthError::InvalidClient);
    /// ```
    fn or_oauth(self, code: OAuthError) -> Result<T, ErrorResponse>;

    /// `None` becomes `code` with a public description (see the
    /// [trait-level example](OptionExt)).
    ///
    /// # Errors
    ///
    /// The [`ErrorResponse`] when `self` is `None`.
    fn or_oauth_with(
        self,
        code: OAuthError,
        description: impl Into<ErrorText>,
    ) -> Result<T, ErrorResponse>;
}

impl<T> OptionExt<T> for Option<T> {
    fn or_oauth(self, code: OAuthError) -> Result<T, ErrorResponse> {
        self.ok_or_else(|| ErrorResponse::new(code))
    }

    fn or_oauth_with(
        self,
        code: OAuthError,
        description: impl Into<ErrorText>,
    ) -> Result<T, ErrorResponse> {
        self.ok_or_else(|| ErrorResponse::new(code).with_description(description))
    }
}
