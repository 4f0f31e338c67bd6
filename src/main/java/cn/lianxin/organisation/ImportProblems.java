package cn.lianxin.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found so far in one file; all of them are reported together. */
final class ImportProblems {

    /** The file first, then the units, then the people, each row by row. */
    private static final Comparator<ImportProblem> IN_FILE_ORDER = Comparator.<ImportProblem>comparingInt(
                    p -> p.sheet() == null ? 0 : OrganisationTables.UNITS.equals(p.sheet()) ? 1 : 2)
            .thenComparing(ImportProblem::row, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()));

    private final List<ImportProblem> problems = new ArrayList<>();

    void add(String sheet, Integer row, String column, String message) {
        problems.add(new ImportProblem(sheet, row, column, message));
    }

    /** A problem of the file as a whole. */
    void ofFile(String message) {
        add(null, null, null, message);
    }

    boolean any() {
        return !problems.isEmpty();
    }

    /** Refuses the import with every problem, sheet by sheet and row by row, when there is any. */
    void refuseIfAny() {
        if (any()) {
            throw new ImportRefused(problems.stream().sorted(IN_FILE_ORDER).toList());
        }
    }
}
