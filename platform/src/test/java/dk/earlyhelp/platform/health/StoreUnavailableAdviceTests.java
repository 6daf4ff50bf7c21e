package dk.earlyhelp.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.mongodb.MongoTimeoutException;

class StoreUnavailableAdviceTests {

    @Test
    void anUnreachableStoreAnswers503ProblemDetailsWithRetryAfterAndNoDriverDetails() {
        ResponseEntity<ProblemDetail> answer = new StoreUnavailableAdvice().storeUnavailable(
                new DataAccessResourceFailureException("Timed out after 3000 ms while waiting for a server",
                        new MongoTimeoutException("Timed out after 3000 ms while waiting for a server")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(answer.getBody().getType()).isEqualTo(StoreUnavailableAdvice.STORE_UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).contains("try again").doesNotContain("Timed out", "Mongo");
    }
}
