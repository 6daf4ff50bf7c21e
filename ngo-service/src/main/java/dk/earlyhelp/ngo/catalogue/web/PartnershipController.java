package dk.earlyhelp.ngo.catalogue.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Partnership;
import dk.earlyhelp.platform.security.CurrentCaller;

@RestController
@RequestMapping("/api/ngo/partnerships")
class PartnershipController {

    private final CatalogueManagement catalogue;

    PartnershipController(CatalogueManagement catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<Partnership> partnerships() {
        return catalogue.partnerships(CurrentCaller.get());
    }

    @GetMapping("/{id}")
    Partnership partnership(@PathVariable String id) {
        return catalogue.partnership(CurrentCaller.get(), id);
    }
}
