package dk.earlyhelp.platform.deadletter;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.platform.problem.ProblemException;

/** Administrators list a service's dead letters and replay one after fixing its cause. */
@RestController
@RequestMapping("${earlyhelp.dead-letters.path}")
@PreAuthorize("hasRole('ADMIN')")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetter> list() {
        return deadLetters.list();
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return deadLetters.replay(topic, partition, offset)
                .orElseThrow(() -> ProblemException.notFound("Dead letter " + topic + "/" + partition + "/" + offset));
    }
}
