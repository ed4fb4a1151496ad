package dev.scripttracker.internal.checksum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The SHA-256 of a class's code and of its nested classes' code (inner, local and anonymous classes,
 * found through the class files' NestMembers and InnerClasses), each read as a resource of a class
 * loader and written again without debug attributes: line numbers, local variable names and the source
 * file name change with a rebuild or a reformatting, the code does not. Lambdas' bodies are methods of
 * their class, so they count too.
 */
final class ClassFileChecksum {

    private ClassFileChecksum() {
    }

    /**
     * @param className binary name, e.g. {@code com.acme.Fix$Inner}
     * @throws UnreadableCode when a class file cannot be found or read
     */
    static String of(String className, ClassLoader loader) throws UnreadableCode {
        MessageDigest digest = sha256();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> toRead = new ArrayDeque<>();
        String root = className.replace('.', '/');
        toRead.add(root);
        seen.add(root);
        while (!toRead.isEmpty()) {
            String internalName = toRead.poll();
            ClassReader reader = reader(internalName, loader);
            ClassWriter withoutDebug = new ClassWriter(0);
            NestedClasses nested = new NestedClasses(internalName, withoutDebug);
            try {
                reader.accept(nested, ClassReader.SKIP_DEBUG);
            } catch (RuntimeException malformed) {
                throw new UnreadableCode("class file of " + internalName + " cannot be read: " + malformed);
            }
            digest.update(internalName.getBytes(StandardCharsets.UTF_8));
            digest.update(withoutDebug.toByteArray());
            // Sorted, so that the order the compiler listed them in does not matter.
            nested.found().stream().sorted().filter(seen::add).forEach(toRead::add);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ClassReader reader(String internalName, ClassLoader loader) throws UnreadableCode {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new UnreadableCode("no class file " + internalName + ".class on the class path");
            }
            return new ClassReader(in);
        } catch (IOException | RuntimeException e) {
            // ASM refuses class file versions newer than it knows with an IllegalArgumentException.
            throw new UnreadableCode("class file " + internalName + ".class cannot be read: " + e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Passes the class on, noting the classes nested in it (not the outer or unrelated classes it names). */
    private static final class NestedClasses extends ClassVisitor {

        private final String owner;
        private final Set<String> found = new LinkedHashSet<>();

        NestedClasses(String owner, ClassVisitor next) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
        }

        @Override
        public void visitNestMember(String nestMember) {
            found.add(nestMember);
            super.visitNestMember(nestMember);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.startsWith(owner + "$")) {
                found.add(name);
            }
            super.visitInnerClass(name, outerName, innerName, access);
        }

        Set<String> found() {
            return found;
        }
    }

    /** Why a class's code could not be read, for the log and the status. */
    static final class UnreadableCode extends Exception {

        UnreadableCode(String message) {
            super(message);
        }
    }
}
