package dk.earlyhelp.gateway.health;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.health.actuate.endpoint.SystemHealthDescriptor;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Where Boot hides the health components (a caller without an ADMIN token), the names of the probe
 * groups go too: an outside caller reads {@code {"status":"UP"}} and nothing else.
 */
@ControllerAdvice
class StatusOnlyHealth implements ResponseBodyAdvice<Object> {

    record Status(String status) implements OperationResponseBody {
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof SystemHealthDescriptor health && health.getComponents() == null) {
            return new Status(health.getStatus().getCode());
        }
        return body;
    }
}
