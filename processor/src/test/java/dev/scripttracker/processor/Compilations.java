package dev.scripttracker.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.Arrays;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, under javac (and, where asked, Eclipse's compiler). */
final class Compilations {

    private Compilations() {
    }

    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new TrackedScriptProcessor()).compile(sources);
    }

    static JavaFileObject source(String qualifiedName, String... lines) {
        return com.google.testing.compile.JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** A script in package com.acme with the given annotation and class body. */
    static JavaFileObject script(String simpleName, String annotation, String... body) {
        String[] head = {
            "package com.acme;",
            "",
            "import dev.scripttracker.*;",
            "",
            annotation,
        };
        String[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return source("com.acme." + simpleName, all);
    }

    /** A valid Script class with the given annotation. */
    static JavaFileObject validScript(String simpleName, String annotation) {
        return script(simpleName, annotation,
                "public class " + simpleName + " implements Script {",
                "    @Override public void run(ScriptContext ctx) {}",
                "}");
    }
}
