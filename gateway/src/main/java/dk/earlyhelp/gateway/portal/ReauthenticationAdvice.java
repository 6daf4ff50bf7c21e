package dk.earlyhelp.gateway.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When the portal's tokens can no longer be refreshed, the browser goes through the authorization
 * code flow again and comes back to the page it asked for; the identity provider skips the form
 * while the user is still logged in there. Ahead of the platform's catch-all, which would answer 500.
 */
@ControllerAdvice(basePackageClasses = ReauthenticationAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReauthenticationAdvice {

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @ExceptionHandler(ClientAuthorizationRequiredException.class)
    String authorizeAgain(HttpServletRequest request, HttpServletResponse response) {
        if (HttpMethod.GET.matches(request.getMethod())) {
            requestCache.saveRequest(request, response);
        }
        return "redirect:/oauth2/authorization/" + PortalSecurityConfiguration.REGISTRATION;
    }
}
