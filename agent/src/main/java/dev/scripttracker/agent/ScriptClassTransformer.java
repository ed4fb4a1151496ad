package dev.scripttracker.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Looks at each class being loaded by name only; a registered script class gets its entry point
 * wrapped. Byte Buddy is loaded only then.
 */
final class ScriptClassTransformer implements ClassFileTransformer {

    /** Our own classes load while this transformer runs; looking at them would recurse. */
    private static final String OWN_PACKAGE = "dev/scripttracker/";

    private final ScriptClassNames scripts = new ScriptClassNames();

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefining, ProtectionDomain domain,
            byte[] classFile) {
        if (loader == null || className == null || redefining != null || className.startsWith(OWN_PACKAGE)) {
            return null;
        }
        if (AgentBridge.runsPendingBeforeMain(className)) {
            return EntryPointInstrumentation.runPendingBeforeMain(className, classFile, loader);
        }
        if (!scripts.isScript(loader, className)) {
            return null;
        }
        try {
            return EntryPointInstrumentation.instrument(className, classFile, loader);
        } catch (Throwable e) {
            System.err.println("[script-tracker] could not instrument script class " + className.replace('/', '.')
                    + " (" + e + "): it is NOT tracked in this process; please report this");
            return null;
        }
    }
}
