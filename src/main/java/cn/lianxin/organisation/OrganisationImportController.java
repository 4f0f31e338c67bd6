package cn.lianxin.organisation;

import cn.lianxin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/organisation/import}: an administrator uploads the county's organisation file
 * (multipart part {@code file}): an Excel workbook with the sheets 单位 and 人员, or one CSV table
 * named by {@code kind=units|people}. {@code dryRun=true} reports what would change and stores
 * nothing; {@code removeMissing=true} takes the roles of people the file no longer lists.
 */
@RestController
@RequestMapping("/api/organisation/import")
class OrganisationImportController {

    private static final Set<String> PARAMETERS = Set.of("kind", "dryRun", "removeMissing");
    private static final String FILE = "file";

    private final OrganisationImport imports;
    private final Problems problems;

    OrganisationImportController(OrganisationImport imports, Problems problems) {
        this.imports = imports;
        this.problems = problems;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('camunda-admin')")
    ImportReport importFile(
            HttpServletRequest request,
            @RequestParam(name = FILE, required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean removeMissing,
            Principal principal)
            throws IOException {
        ImportProblems found = new ImportProblems();
        request.getParameterMap().keySet().stream()
                .filter(name -> !PARAMETERS.contains(name))
                .sorted()
                .forEach(name -> found.add(null, null, name, "未知的参数：只接受 file、kind、dryRun、removeMissing"));
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart.getFileMap().keySet().stream()
                    .filter(name -> !FILE.equals(name))
                    .sorted()
                    .forEach(name -> found.add(null, null, name, "未知的文件项：组织数据文件请放在 file 中，一次一个"));
            if (multipart.getFiles(FILE).size() > 1) {
                found.add(null, null, FILE, "一次只能导入一个文件");
            }
        }
        if (file == null) {
            found.add(null, null, FILE, "缺少文件：请把 .xlsx 或 .csv 文件放在 file 中上传");
        } else if (file.getSize() > OrganisationTables.MAX_BYTES) {
            found.add(null, null, FILE, OrganisationTables.tooBig(file.getSize()));
        }
        found.refuseIfAny();
        return imports.run(new OrganisationImport.Request(
                fileName(file.getOriginalFilename()),
                file.getBytes(),
                kind,
                dryRun,
                removeMissing,
                principal.getName()));
    }

    /** Every problem of the file at once: 400 with {@code errors} = [{sheet, row, column, message}]. */
    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused e) {
        ProblemDetail problem = problems.of(
                HttpStatus.BAD_REQUEST, "organisation-file", e.problems().size());
        problem.setProperty("errors", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    /** The file's own name without a client's folders or control characters, at most 255 characters. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "（无文件名）";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
