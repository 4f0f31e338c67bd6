package cn.lianxin.organisation;

import java.util.List;

/** The file has problems: all of them, and nothing was stored. */
class ImportRefused extends RuntimeException {

    private final transient List<ImportProblem> problems;

    ImportRefused(List<ImportProblem> problems) {
        super(problems.size() + " problems in the organisation file");
        this.problems = List.copyOf(problems);
    }

    List<ImportProblem> problems() {
        return problems;
    }
}
