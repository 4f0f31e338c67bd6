/**
 * 照片与凭证 (evidence): where the photos of a case are kept and how they are made safe to keep. A
 * photo is decoded and re-encoded as a plain JPEG ({@link PhotoReencoder}), so nothing a camera or a
 * phone wrote beside the picture (EXIF, GPS, the device) survives; the bytes go through the port
 * {@link PhotoStore} to PostgreSQL (default), a directory or an S3-compatible bucket. Which case a
 * photo belongs to and who may see it is the {@code appeal} module's business; this module depends on
 * none of the business modules.
 */
package cn.lianxin.evidence;
