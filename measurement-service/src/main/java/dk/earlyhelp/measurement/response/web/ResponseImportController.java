package dk.earlyhelp.measurement.response.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.measurement.response.ResponseManagement;
import dk.earlyhelp.platform.security.CurrentCaller;

@RestController
@RequestMapping("/api/measurements")
class ResponseImportController {

    private final ResponseManagement responses;

    ResponseImportController(ResponseManagement responses) {
        this.responses = responses;
    }

    /** NDJSON in the import format of METRICS.md, one response a line. */
    @PostMapping(path = "/imports", consumes = { "application/x-ndjson", "text/plain" })
    ResponseManagement.Imported importResponses(@RequestBody String ndjson) {
        return responses.importLines(CurrentCaller.get(), ndjson);
    }
}
