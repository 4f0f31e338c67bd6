package cn.lianxin.cockpit;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import java.util.List;
import org.springframework.http.MediaType;

/** The two files a monthly report is written as; the name is the file's extension and the API's value. */
enum ReportFormat {
    xlsx("Excel", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
    pdf("PDF", MediaType.APPLICATION_PDF);

    private final String label;
    private final MediaType mediaType;

    ReportFormat(String label, MediaType mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    String label() {
        return label;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** {@code ?format=xlsx|pdf}; anything else (or nothing) is a 400 naming {@code format}. */
    static ReportFormat of(String value) {
        for (ReportFormat format : values()) {
            if (format.name().equals(value == null ? null : value.trim())) {
                return format;
            }
        }
        throw ApiProblemException.invalid(List.of(new FieldError("format", "应为 xlsx（Excel）或 pdf")));
    }
}
