package dev.scripttracker.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scripttracker.processor.Compilations.compile;
import static dev.scripttracker.processor.Compilations.script;
import static dev.scripttracker.processor.Compilations.source;
import static dev.scripttracker.processor.Compilations.validScript;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every rule is a compile error with a stable tag, located on the offending class and value. */
class RuleErrorsTest {

    @Test
    void duplicateId_isAnErrorOnBothClassesEachNamingTheOther() {
        JavaFileObject first = validScript("FixInvoices", "@TrackedScript(id = \"20261124_dup\")");
        JavaFileObject second = validScript("FixParcels", "@TrackedScript(id = \"20261124_dup\", description = \"x\")");

        Compilation compilation = compile(first, second);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[TrackedScript.duplicateId] id \"20261124_dup\" of script"
                + " com.acme.FixInvoices is also used by com.acme.FixParcels")
                .inFile(first).onLineContaining("id = \"20261124_dup\"");
        assertThat(compilation).hadErrorContaining("[TrackedScript.duplicateId] id \"20261124_dup\" of script"
                + " com.acme.FixParcels is also used by com.acme.FixInvoices")
                .inFile(second).onLineContaining("id = \"20261124_dup\"");
    }

    @Test
    void badId_isAnErrorOnTheIdValue() {
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"fix users!\")");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining("[TrackedScript.badId] id \"fix users!\" of script com.acme.Fix"
                + " does not match [A-Za-z0-9][A-Za-z0-9._-]{0,127}")
                .inFile(source).onLineContaining("fix users!");
    }

    @Test
    void idLongerThan128Characters_isAnError() {
        String id = "a".repeat(129);
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"" + id + "\")");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.badId]").inFile(source).onLineContaining(id);
    }

    @Test
    void emptyId_isAnErrorOnTheIdValue() {
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"\")");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.emptyId] script com.acme.Fix has an empty id")
                .inFile(source).onLineContaining("id = \"\"");
    }

    @Test
    void badTimeout_isAnErrorOnTheTimeoutValue() {
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"001_fix\",\n timeout = \"5 minutes\")");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.badTimeout] timeout \"5 minutes\" of script"
                + " com.acme.Fix is not a non-negative ISO-8601 duration").inFile(source).onLineContaining("5 minutes");
    }

    @Test
    void negativeTimeout_isAnError() {
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"001_fix\",\n timeout = \"-PT5M\")");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.badTimeout] timeout \"-PT5M\"")
                .inFile(source).onLineContaining("-PT5M");
    }

    @Test
    void descriptionLongerThanTheStoreKeeps_isAnErrorOnTheDescriptionValue() {
        String description = "d".repeat(1001);
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"001_fix\",\n description = \"" + description
                + "\")");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.descriptionTooLong] description of script"
                + " com.acme.Fix is 1001 characters long, but the store keeps at most 1000")
                .inFile(source).onLineContaining(description);
    }

    @Test
    void descriptionOfExactlyTheLimit_compiles() {
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"001_fix\", description = \""
                + "d".repeat(1000) + "\")");

        assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    void unknownAfter_isAnErrorOnTheAfterValue() {
        JavaFileObject source = validScript("Fix", "@TrackedScript(id = \"002_fix\",\n after = \"001_missing\")");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.unknownAfter] script com.acme.Fix has"
                + " after = \"001_missing\", but no script in this compilation has that id")
                .inFile(source).onLineContaining("001_missing");
    }

    @Test
    void afterCycle_isAnErrorOnEveryScriptInItWithTheCycleSpelledOut() {
        JavaFileObject a = validScript("A", "@TrackedScript(id = \"001_a\",\n after = \"002_b\")");
        JavaFileObject b = validScript("B", "@TrackedScript(id = \"002_b\",\n after = \"001_a\")");

        Compilation compilation = compile(a, b);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[TrackedScript.afterCycle]").inFile(a).onLineContaining("after");
        assertThat(compilation).hadErrorContaining("001_a -> 002_b -> 001_a").inFile(b).onLineContaining("after");
    }

    @Test
    void interface_isAnError() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public interface Fix extends Script {}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.notAClass] @TrackedScript is on interface"
                + " com.acme.Fix").inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void enum_isAnError() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public enum Fix implements Runnable { ONE; public void run() {} }");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.notAClass] @TrackedScript is on enum")
                .inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void record_isAnError() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public record Fix() implements Runnable { public void run() {} }");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.notAClass] @TrackedScript is on record")
                .inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void nonPublicClass_isAnError() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "class Fix implements Runnable { public void run() {} }");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.notPublic] script com.acme.Fix is not public")
                .inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void innerClass_isAnError() {
        JavaFileObject source = script("Outer", "",
                "public class Outer {",
                "    @TrackedScript(id = \"001_inner\")",
                "    public class Inner implements Runnable { public void run() {} }",
                "}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.innerClass] script com.acme.Outer.Inner is an"
                + " inner (non-static) class").inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void nestedClassOfANonPublicClass_isAnError() {
        JavaFileObject source = script("Outer", "",
                "class Outer {",
                "    @TrackedScript(id = \"001_nested\")",
                "    public static class Nested implements Runnable { public void run() {} }",
                "}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.notPublic] script com.acme.Outer.Nested is"
                + " inside com.acme.Outer, which is not public").inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void localClass_isAnErrorOnItsAnnotation() {
        JavaFileObject source = script("Holder", "",
                "public class Holder {",
                "    void method() {",
                "        @TrackedScript(id = \"001_local\")",
                "        class Local implements Runnable { public void run() {} }",
                "    }",
                "}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.localClass] script Local is a local class")
                .inFile(source).onLineContaining("001_local");
    }

    @Test
    void localClassesAnywhereInCode_areErrorsBesideAValidScriptInTheSameFile() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix implements Script {",
                "    static final Runnable FIELD = () -> {",
                "        @TrackedScript(id = \"002_in_lambda\")",
                "        class InLambda implements Runnable { public void run() {} }",
                "    };",
                "    static {",
                "        @dev.scripttracker.TrackedScript(id = \"003_in_initializer\")",
                "        class InInitializer implements Runnable { public void run() {} }",
                "    }",
                "    public void run(ScriptContext ctx) {",
                "        new Object() {",
                "            void inAnonymous() {",
                "                @TrackedScript(id = \"004_in_anonymous\")",
                "                class InAnonymous implements Runnable { public void run() {} }",
                "            }",
                "        };",
                "    }",
                "    public static class Member {",
                "        void method() {",
                "            @TrackedScript(id = \"005_in_member\")",
                "            class InMember implements Runnable { public void run() {} }",
                "        }",
                "    }",
                "}");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("script InLambda is a local class").inFile(source)
                .onLineContaining("002_in_lambda");
        assertThat(compilation).hadErrorContaining("script InInitializer is a local class").inFile(source)
                .onLineContaining("003_in_initializer");
        assertThat(compilation).hadErrorContaining("script InAnonymous is a local class").inFile(source)
                .onLineContaining("004_in_anonymous");
        assertThat(compilation).hadErrorContaining("script InMember is a local class").inFile(source)
                .onLineContaining("005_in_member");
    }

    @Test
    void mainInheritedFromASuperclass_isAnInheritedEntryPoint() {
        assertInheritedEntryPointIsAnError("BaseMain", "public class BaseMain { public static void main(String[] args) {} }",
                "main");
    }

    /** A script whose only entry point is declared by its superclass {@code base}. */
    private void assertInheritedEntryPointIsAnError(String base, String baseDeclaration, String entryPoint) {
        JavaFileObject superclass = source("com.acme." + base, "package com.acme;", baseDeclaration);
        JavaFileObject script = script("Fix", "@TrackedScript(id = \"001_fix\")", "public class Fix extends " + base + " {}");

        assertThat(compile(superclass, script)).hadErrorContaining("[TrackedScript.inheritedEntryPoint] script"
                + " com.acme.Fix inherits its " + entryPoint + " entry point").inFile(script)
                .onLineContaining("@TrackedScript");
    }

    @Test
    void nonPublicOrInstanceMain_isNoEntryPoint() {
        JavaFileObject base = source("com.acme.BaseMain", "package com.acme;",
                "public class BaseMain { private static void main(String[] args) {} }");
        JavaFileObject script = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix extends BaseMain {",
                "    public void main(String... args) {}",
                "}");

        assertThat(compile(base, script)).hadErrorContaining("[TrackedScript.noEntryPoint] script com.acme.Fix")
                .inFile(script).onLineContaining("@TrackedScript");
    }

    @Test
    void abstractClass_isAnError() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public abstract class Fix implements Script {}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.abstractClass] script com.acme.Fix is abstract")
                .inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void noPublicNoArgumentConstructor_isAnError() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix implements Script {",
                "    public Fix(String table) {}",
                "    public void run(ScriptContext ctx) {}",
                "}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.noPublicConstructor] script com.acme.Fix has no"
                + " public constructor without arguments").inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void mainNeedsNoConstructor() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix {",
                "    private Fix() {}",
                "    public static void main(String[] args) {}",
                "}");

        assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    void commandLineRunnerWithConstructorInjection_isFine() {
        JavaFileObject runner = source("org.springframework.boot.CommandLineRunner", "package org.springframework.boot;",
                "public interface CommandLineRunner { void run(String... args) throws Exception; }");
        JavaFileObject script = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix implements org.springframework.boot.CommandLineRunner {",
                "    private final Object jdbc;",
                "    public Fix(Object jdbc) { this.jdbc = jdbc; }",
                "    public void run(String... args) {}",
                "}");

        assertThat(compile(runner, script)).succeededWithoutWarnings();
    }

    @Test
    void springServiceScriptWithConstructorInjection_isFine_throughTheMetaAnnotatedStereotype() {
        JavaFileObject component = source("org.springframework.stereotype.Component",
                "package org.springframework.stereotype;", "public @interface Component {}");
        JavaFileObject service = source("org.springframework.stereotype.Service", "package org.springframework.stereotype;",
                "@Component public @interface Service {}");
        JavaFileObject script = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "@org.springframework.stereotype.Service",
                "public class Fix implements Script {",
                "    private final Object ledger;",
                "    public Fix(Object ledger) { this.ledger = ledger; }",
                "    public void run(ScriptContext ctx) {}",
                "}");

        assertThat(compile(component, service, script)).succeededWithoutWarnings();
    }

    @Test
    void injectConstructor_isFine() {
        JavaFileObject inject = source("jakarta.inject.Inject", "package jakarta.inject;", "public @interface Inject {}");
        JavaFileObject script = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix implements Runnable {",
                "    private final Object ledger;",
                "    @jakarta.inject.Inject public Fix(Object ledger) { this.ledger = ledger; }",
                "    public void run() {}",
                "}");

        assertThat(compile(inject, script)).succeededWithoutWarnings();
    }

    @Test
    void constructorWithArguments_ofAClassNoContainerCreates_isStillAnError_namingTheBeanWay() {
        JavaFileObject script = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "@Deprecated",
                "public class Fix implements Script {",
                "    public Fix(Object ledger) {}",
                "    public void run(ScriptContext ctx) {}",
                "}");

        assertThat(compile(script)).hadErrorContaining("or make it a bean that the application's container creates"
                + " (@Component, @Named, an @Autowired or @Inject constructor)");
    }

    @Test
    void entryPointInheritedFromASuperclass_isAnError() {
        assertInheritedEntryPointIsAnError("BaseJob", "public class BaseJob implements Runnable { public void run() {} }",
                "runnable");
    }

    @Test
    void noEntryPoint_isAnError() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")", "public class Fix {}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.noEntryPoint] script com.acme.Fix has no entry"
                + " point; implement dev.scripttracker.Script").inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void severalEntryPoints_isAnErrorNamingThem() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix implements Script, Runnable {",
                "    public void run(ScriptContext ctx) {}",
                "    public void run() {}",
                "    public static void main(String[] args) {}",
                "}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.severalEntryPoints] script com.acme.Fix has 3"
                + " entry points [SCRIPT, MAIN, RUNNABLE]").inFile(source).onLineContaining("@TrackedScript");
    }

    @Test
    void rollbackWithTheWrongSignature_isAnErrorOnTheMethod() {
        JavaFileObject source = script("Fix", "@TrackedScript(id = \"001_fix\")",
                "public class Fix implements Script {",
                "    public void run(ScriptContext ctx) {}",
                "    public static void rollback(String why) {}",
                "}");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.badRollback] script com.acme.Fix has a rollback"
                + " method that the rollback command cannot call").inFile(source).onLineContaining("rollback(String why)");
    }

    @Test
    void oneBadClass_doesNotHideTheErrorsOfTheOthers() {
        JavaFileObject badId = validScript("BadId", "@TrackedScript(id = \"bad id\")");
        JavaFileObject noEntry = script("NoEntry", "@TrackedScript(id = \"002_ok\")", "public class NoEntry {}");
        JavaFileObject fine = validScript("Fine", "@TrackedScript(id = \"003_fine\")");

        Compilation compilation = compile(badId, noEntry, fine);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[TrackedScript.badId]").inFile(badId).onLineContaining("bad id");
        assertThat(compilation).hadErrorContaining("[TrackedScript.noEntryPoint]").inFile(noEntry)
                .onLineContaining("@TrackedScript");
    }
}
