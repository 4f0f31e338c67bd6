package cn.lianxin.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** For MVC slice tests of other modules: the platform's problem-details advice and its texts. */
@TestConfiguration
@Import({ApiErrors.class, Problems.class})
public class ProblemDetailsSlice {}
