package dk.earlyhelp.ngo.capacity.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.capacity.CapacityOverview;
import dk.earlyhelp.ngo.capacity.CapacityOverviews;
import dk.earlyhelp.platform.security.CurrentCaller;

/** The coordinator's capacity view: per intervention of their NGO, children, people and what is missing. */
@RestController
@RequestMapping("/api/ngo/capacity")
class CapacityController {

    private final CapacityOverviews overviews;

    CapacityController(CapacityOverviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping
    List<CapacityOverview> capacity() {
        return overviews.overview(CurrentCaller.get());
    }
}
