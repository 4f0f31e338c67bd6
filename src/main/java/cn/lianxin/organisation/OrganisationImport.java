package cn.lianxin.organisation;

import cn.lianxin.identity.Organisation;
import cn.lianxin.identity.People;
import cn.lianxin.identity.Person;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.organisation.ImportReport.Membership;
import cn.lianxin.organisation.ImportReport.MembershipChanges;
import cn.lianxin.organisation.ImportReport.PeopleChanges;
import cn.lianxin.organisation.ImportReport.UnitChanges;
import cn.lianxin.organisation.OrganisationRules.PersonRow;
import cn.lianxin.organisation.OrganisationRules.Roster;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a county's organisation file: reads and checks it whole (every problem at once, nothing
 * stored while any remains), works out what it changes, and — unless it is a dry run — applies it in
 * one transaction: units upserted (the kept tree is dropped, so the change holds at once), the new
 * units' role groups with their grants and tenants, people created or updated with exactly their role
 * groups. People the file does not list are reported, and lose their roles only when asked. Every
 * accepted import, dry runs included, is recorded in {@code organisation_import}.
 */
@Service
class OrganisationImport {

    private static final Logger log = LoggerFactory.getLogger(OrganisationImport.class);

    /** How an import was asked for. */
    record Request(String fileName, byte[] content, String kind, boolean dryRun, boolean removeMissing, String actor) {}

    private final Units units;
    private final People people;
    private final Organisation organisation;
    private final JdbcClient jdbc;

    OrganisationImport(Units units, People people, Organisation organisation, JdbcClient jdbc) {
        this.units = units;
        this.people = people;
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    @Transactional
    ImportReport run(Request request) {
        ImportProblems problems = new ImportProblems();
        OrganisationTables.Tables tables = OrganisationTables.read(request.content(), request.kind(), problems);
        List<Unit> known = units.all();
        Roster roster = OrganisationRules.check(tables, known, people.keptHere(), problems);
        if (request.removeMissing() && roster.people() == null && !problems.any()) {
            problems.add(null, null, "removeMissing", "removeMissing 只用于含人员表的导入：本文件没有人员表");
        }
        problems.refuseIfAny();

        boolean withUnits = tables.tables().containsKey(OrganisationTables.UNITS);
        UnitChanges unitChanges = withUnits ? unitChanges(roster.units(), known) : null;
        List<String> newGroups = newGroups(roster.units(), known);
        Map<String, Person> before = roster.people() == null ? Map.of() : people.all();
        List<Person> wanted = roster.people() == null
                ? List.of()
                : roster.people().stream().map(OrganisationImport::person).toList();
        PeopleChanges peopleChanges =
                roster.people() == null ? null : peopleChanges(wanted, before, request.removeMissing());
        MembershipChanges memberships = memberships(wanted, before, peopleChanges);

        if (!request.dryRun()) {
            apply(roster, unitChanges, wanted, before, peopleChanges);
        }
        ImportReport report = new ImportReport(
                request.dryRun(),
                request.fileName(),
                sha256(request.content()),
                unitChanges,
                peopleChanges,
                memberships,
                newGroups);
        audit(request, tables.format(), report);
        log.info(
                "组织数据{}：{}（{}），操作人 {}",
                request.dryRun() ? "试导入" : "已导入",
                request.fileName(),
                report.sha256(),
                request.actor());
        return report;
    }

    private void apply(
            Roster roster,
            UnitChanges unitChanges,
            List<Person> wanted,
            Map<String, Person> before,
            PeopleChanges peopleChanges) {
        if (unitChanges != null
                && !(unitChanges.added().isEmpty() && unitChanges.changed().isEmpty())) {
            // parents first, so that every unit's parent is stored before it
            roster.units().stream()
                    .filter(u -> unitChanges.added().contains(u.code())
                            || unitChanges.changed().contains(u.code()))
                    .sorted((a, b) -> Integer.compare(depth(a.kind()), depth(b.kind())))
                    .forEach(units::save);
            organisation.followUnits();
        }
        if (peopleChanges != null) {
            for (Person person : wanted) {
                if (!person.equals(comparable(before.get(person.id())))) {
                    people.save(person);
                }
            }
            peopleChanges.deactivated().forEach(people::withdrawRoles);
        }
    }

    private static int depth(UnitKind kind) {
        return switch (kind) {
            case COUNTY -> 0;
            case TOWN, DEPARTMENT -> 1;
            case VILLAGE -> 2;
        };
    }

    private static UnitChanges unitChanges(List<Unit> imported, List<Unit> known) {
        Map<String, Unit> before = known.stream().collect(Collectors.toMap(Unit::code, u -> u));
        Comparison comparison = Comparison.of(imported, Unit::code, before::get);
        Set<String> inFile = imported.stream().map(Unit::code).collect(Collectors.toSet());
        List<String> notInFile = known.stream()
                .map(Unit::code)
                .filter(code -> !inFile.contains(code))
                .sorted()
                .toList();
        return new UnitChanges(comparison.added(), comparison.changed(), comparison.unchanged(), notInFile);
    }

    /** The role groups of units that do not exist yet. */
    private static List<String> newGroups(List<Unit> imported, List<Unit> known) {
        Set<String> existing = known.stream().map(Unit::code).collect(Collectors.toSet());
        Set<String> groups = new TreeSet<>();
        for (Unit unit : imported) {
            if (!existing.contains(unit.code())) {
                for (Role role : Role.values()) {
                    if (role.isUnitScoped() && role.scope() == unit.kind()) {
                        groups.add(role.groupId(unit));
                    }
                }
            }
        }
        return List.copyOf(groups);
    }

    private static PeopleChanges peopleChanges(List<Person> wanted, Map<String, Person> before, boolean removeMissing) {
        Comparison comparison = Comparison.of(wanted, Person::id, id -> comparable(before.get(id)));
        Set<String> inFile = wanted.stream().map(Person::id).collect(Collectors.toSet());
        List<String> notInFile = before.values().stream()
                .filter(p -> !inFile.contains(p.id()))
                .filter(p -> !People.isAdministrator(p))
                .filter(p -> !p.groups().isEmpty())
                .map(Person::id)
                .sorted()
                .toList();
        return new PeopleChanges(
                comparison.added(),
                comparison.changed(),
                comparison.unchanged(),
                notInFile,
                removeMissing ? notInFile : List.of());
    }

    private static MembershipChanges memberships(
            List<Person> wanted, Map<String, Person> before, PeopleChanges changes) {
        List<Membership> added = new ArrayList<>();
        List<Membership> removed = new ArrayList<>();
        for (Person person : wanted) {
            Set<String> had = groupsBesidesAdministrators(before.get(person.id()));
            person.groups().stream()
                    .filter(g -> !had.contains(g))
                    .sorted()
                    .forEach(g -> added.add(new Membership(person.id(), g)));
            had.stream()
                    .filter(g -> !person.groups().contains(g))
                    .sorted()
                    .forEach(g -> removed.add(new Membership(person.id(), g)));
        }
        if (changes != null) {
            changes.deactivated().forEach(id -> groupsBesidesAdministrators(before.get(id))
                    .forEach(g -> removed.add(new Membership(id, g))));
        }
        return new MembershipChanges(added, removed);
    }

    private static Person person(PersonRow row) {
        return new Person(row.id(), row.name(), row.phone(), OrganisationRules.groupsOf(row));
    }

    /** A person as an import compares them: the administrators group is never the import's. */
    private static Person comparable(Person person) {
        return person == null
                ? null
                : new Person(person.id(), person.name(), person.phone(), groupsBesidesAdministrators(person));
    }

    private static Set<String> groupsBesidesAdministrators(Person person) {
        return person == null
                ? Set.of()
                : person.groups().stream()
                        .filter(g -> !Objects.equals(g, Role.ADMIN.groupId()))
                        .collect(Collectors.toCollection(TreeSet::new));
    }

    private void audit(Request request, OrganisationTables.Format format, ImportReport report) {
        UnitChanges u = report.units();
        PeopleChanges p = report.people();
        jdbc.sql(
                        """
                        insert into organisation_import (imported_by, imported_at, file_name, file_sha256, file_format,
                            dry_run, remove_missing, units_added, units_changed, units_not_in_file,
                            people_added, people_changed, people_not_in_file, people_deactivated,
                            memberships_added, memberships_removed)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        request.actor(),
                        OffsetDateTime.now(),
                        request.fileName(),
                        report.sha256(),
                        format.name(),
                        request.dryRun(),
                        request.removeMissing(),
                        u == null ? 0 : u.added().size(),
                        u == null ? 0 : u.changed().size(),
                        u == null ? 0 : u.notInFile().size(),
                        p == null ? 0 : p.added().size(),
                        p == null ? 0 : p.changed().size(),
                        p == null ? 0 : p.notInFile().size(),
                        p == null ? 0 : p.deactivated().size(),
                        report.memberships().added().size(),
                        report.memberships().removed().size())
                .update();
    }

    /** The file's entries against what is there: new ones, different ones (by id, sorted), and how many are equal. */
    private record Comparison(List<String> added, List<String> changed, int unchanged) {
        static <T> Comparison of(List<T> wanted, Function<T, String> id, Function<String, T> current) {
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (T entry : wanted) {
                T was = current.apply(id.apply(entry));
                if (was == null) {
                    added.add(id.apply(entry));
                } else if (!was.equals(entry)) {
                    changed.add(id.apply(entry));
                }
            }
            return new Comparison(
                    added.stream().sorted().toList(),
                    changed.stream().sorted().toList(),
                    wanted.size() - added.size() - changed.size());
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
