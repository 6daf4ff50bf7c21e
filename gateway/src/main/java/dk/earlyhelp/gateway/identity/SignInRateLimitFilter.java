package dk.earlyhelp.gateway.identity;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import dk.earlyhelp.gateway.limits.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Slows down password guessing and token floods from one address: posts to the login form and to
 * the token endpoints take a token from the address's bucket first. A refused login shows the login
 * page again with 429 and how long to wait, without checking the password; a refused token request
 * answers 429 problem details.
 */
final class SignInRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits rateLimits;

    SignInRateLimitFilter(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !HttpMethod.POST.matches(request.getMethod()) || !(path.equals("/login") || path.startsWith("/oauth2/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean login = path(request).equals("/login");
        long wait = rateLimits.retryAfter(login ? RateLimits.Scope.LOGIN : RateLimits.Scope.TOKEN_ENDPOINT,
                RateLimits.address(request));
        if (wait == 0) {
            chain.doFilter(request, response);
        } else if (login) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            request.setAttribute(RateLimits.RETRY_AFTER, wait);
            // Shown as the login page (a GET), so the form is never processed.
            request.getRequestDispatcher("/login").forward(new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return HttpMethod.GET.name();
                }
            }, response);
        } else {
            rateLimits.tooMany(response, wait);
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
