package org.clinicops.platform.security;

import java.util.Optional;
import java.util.Set;
import org.clinicops.platform.audit.Audit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Object-level authorization: a member of staff reads and changes only the data of their own sites.
 * Controllers call {@link #require(String)} with the site of the object they load (after loading it,
 * before answering), and {@link #visibleSites(String)} to scope a list.
 */
public final class SiteAccess {

    private SiteAccess() {}

    /** The signed-in member of staff. */
    public static StaffUser currentUser() {
        return findCurrentUser().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The signed-in member of staff, if the request carries a valid token or session. */
    public static Optional<StaffUser> findCurrentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Jwt jwt) {
            return Optional.of(StaffUser.fromClaims(jwt.getClaims()));
        }
        if (principal instanceof OidcUser user) {
            return Optional.of(StaffUser.fromClaims(user.getClaims()));
        }
        return Optional.empty();
    }

    /**
     * Lets the request go on only if the site is the signed-in user's; records the site for the
     * audit trail either way.
     *
     * @throws SiteAccessDeniedException (403) otherwise
     */
    public static StaffUser require(String siteId) {
        Audit.site(siteId);
        StaffUser user = currentUser();
        if (!user.canAccess(siteId)) {
            throw new SiteAccessDeniedException(siteId);
        }
        return user;
    }

    /** Whether the signed-in user may see the site's data (for filtering, without refusing). */
    public static boolean canAccess(String siteId) {
        return findCurrentUser().map(user -> user.canAccess(siteId)).orElse(false);
    }

    /**
     * The sites a list may show: only the requested one (refused if it is not the user's), or when
     * none is requested every site of the user: empty means every site there is.
     */
    public static Optional<Set<String>> visibleSites(@Nullable String requestedSite) {
        if (requestedSite != null && !requestedSite.isBlank()) {
            require(requestedSite);
            return Optional.of(Set.of(requestedSite));
        }
        StaffUser user = currentUser();
        return user.allSites() ? Optional.empty() : Optional.of(user.sites());
    }

    /** 403: the object belongs to a site that is not the user's. */
    public static final class SiteAccessDeniedException extends AccessDeniedException {
        private static final long serialVersionUID = 1L;

        SiteAccessDeniedException(String siteId) {
            super("Site " + siteId + " is not one of your sites");
        }
    }
}
