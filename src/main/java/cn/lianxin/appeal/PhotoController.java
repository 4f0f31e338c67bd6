package cn.lianxin.appeal;

import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photos of a case over HTTP (docs/evidence.md): the citizen's routes under
 * {@code /api/appeals/{trackingNo}/photos} with the access code (public, limited per address like the
 * other citizen routes), the handlers' upload on their task, the cadres' reading under
 * {@code /api/cases/{trackingNo}/photos}. Uploads are multipart with the files in the part {@code photos}.
 */
@RestController
class PhotoController {

    private final Photos photos;
    private final PublicLimits limits;

    PhotoController(Photos photos, PublicLimits limits) {
        this.photos = photos;
        this.limits = limits;
    }

    @PostMapping(path = "/api/appeals/{trackingNo}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<Photos.Photo>> attachForCitizen(
            @PathVariable String trackingNo,
            @RequestParam String accessCode,
            @RequestParam(name = Photos.FIELD, required = false) List<MultipartFile> files,
            HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(photos.attachForCitizen(trackingNo, accessCode, http.getRemoteAddr(), files));
    }

    @GetMapping("/api/appeals/{trackingNo}/photos")
    List<Photos.Photo> citizenPhotos(
            @PathVariable String trackingNo, @RequestParam String accessCode, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return photos.forCitizen(trackingNo, accessCode, http.getRemoteAddr());
    }

    @GetMapping("/api/appeals/{trackingNo}/photos/{id}")
    ResponseEntity<byte[]> citizenPhoto(
            @PathVariable String trackingNo,
            @PathVariable String id,
            @RequestParam String accessCode,
            HttpServletRequest http,
            HttpServletResponse response) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return jpeg(photos.photoForCitizen(trackingNo, id, accessCode, http.getRemoteAddr()), response);
    }

    /** {@code stage} = {@code BEFORE} (办理前) or {@code AFTER} (办理后). */
    @PostMapping(path = "/api/tasks/{taskId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<Photos.Photo>> attachToTask(
            @PathVariable String taskId,
            @RequestParam(required = false) String stage,
            @RequestParam(name = Photos.FIELD, required = false) List<MultipartFile> files) {
        return ResponseEntity.status(HttpStatus.CREATED).body(photos.attachToTask(taskId, stage, files));
    }

    @GetMapping("/api/tasks/{taskId}/photos")
    List<Photos.Photo> taskPhotos(@PathVariable String taskId) {
        return photos.forTask(taskId);
    }

    @GetMapping("/api/cases/{trackingNo}/photos")
    List<Photos.Photo> casePhotos(@PathVariable String trackingNo) {
        return photos.forCadre(trackingNo);
    }

    @GetMapping("/api/cases/{trackingNo}/photos/{id}")
    ResponseEntity<byte[]> casePhoto(
            @PathVariable String trackingNo, @PathVariable String id, HttpServletResponse response) {
        return jpeg(photos.photoForCadre(trackingNo, id), response);
    }

    /** Always a JPEG (every photo was re-encoded), never cached by a shared cache, shown inline. */
    private static ResponseEntity<byte[]> jpeg(Photos.Served photo, HttpServletResponse response) {
        // bytes, not text: no charset (server.servlet.encoding.force set UTF-8 on every response)
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + photo.id() + ".jpg\"")
                .body(photo.jpeg());
    }
}
