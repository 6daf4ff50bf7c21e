package dk.earlyhelp.measurement.safety.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.measurement.safety.ConcernTask;
import dk.earlyhelp.measurement.safety.ConcernTasks;
import dk.earlyhelp.platform.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/measurements/concern-tasks")
class ConcernTaskController {

    private final ConcernTasks tasks;

    ConcernTaskController(ConcernTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    List<ConcernTaskResponse> tasks() {
        return tasks.visibleTo(CurrentCaller.get()).stream().map(ConcernTaskResponse::of).toList();
    }

    @PostMapping("/{id}/acknowledgement")
    ConcernTaskResponse acknowledge(@PathVariable String id) {
        return ConcernTaskResponse.of(tasks.acknowledge(CurrentCaller.get(), id));
    }

    @PostMapping("/{id}/decision")
    ConcernTaskResponse decide(@PathVariable String id, @Valid @RequestBody DecideRequest request) {
        return ConcernTaskResponse.of(tasks.decide(CurrentCaller.get(), id, request.decision()));
    }

    /** NOTIFY_MUNICIPALITY (a notification of concern is made) or NO_NOTIFICATION. */
    record DecideRequest(@NotNull ConcernTask.Decision decision) {
    }

    record ConcernTaskResponse(String id, String referralId, String childId, String intervention, String municipality,
                               String ngoCode, String occasion, List<String> reasons, Instant raisedAt,
                               LocalDate conversationDueOn, String status, Instant acknowledgedAt,
                               String decision, Instant decidedAt, boolean escalated, Instant escalatedAt,
                               String escalationReason) {

        static ConcernTaskResponse of(ConcernTask task) {
            return new ConcernTaskResponse(task.id(), task.referralId(), task.childId(), task.intervention(),
                    task.municipality(), task.ngoCode(), task.occasion(), task.reasons(), task.raisedAt(),
                    task.conversationDueOn(), task.status(), task.acknowledgedAt(), task.decision(),
                    task.decidedAt(), task.escalatedAt() != null, task.escalatedAt(), task.escalationReason());
        }
    }
}
