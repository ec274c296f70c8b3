#!/usr/bin/env python3
# Developer helper (not part of the build): writes Controller.sln (nanoFramework + host projects) and Controller.Host.slnf (what dotnet builds and tests here).
import os, sys, uuid, json, re
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
NF = '{11A8DD76-328B-46DF-9F39-F559912D0360}'
CS = '{9A19103F-16F7-4668-BE54-9A1E7A4F7556}'
FOLDER = '{2150E333-8FDC-42A3-9474-1A3956D46DE8}'
def guid_of(path):
    txt = open(os.path.join(ROOT, path)).read()
    m = re.search(r'<ProjectGuid>\{([0-9A-Fa-f-]+)\}</ProjectGuid>', txt)
    if m: return m.group(1).upper()
    return str(uuid.uuid5(uuid.NAMESPACE_URL, 'greenhouse/' + path)).upper()
# Projects built by tests for the kit's nanoCLR (they need ../shared/nanoclr, so the solution never builds them).
NOT_IN_SOLUTION = ('tests/Greenhouse.NanoClr.Tests/Device/',)
projects = []
for dp, dn, fn in os.walk(ROOT):
    dn[:] = [d for d in dn if d not in ('bin','obj','.git','packages','node_modules')]
    for f in fn:
        if f.endswith('.nfproj') or f.endswith('.csproj'):
            rel = os.path.relpath(os.path.join(dp, f), ROOT)
            if not rel.replace(os.sep, '/').startswith(NOT_IN_SOLUTION):
                projects.append(rel)
projects.sort()
folders = {'shared':None,'firmware':None,'tests':None,'tools':None}
fguids = {k: str(uuid.uuid5(uuid.NAMESPACE_URL, 'greenhouse-folder/'+k)).upper() for k in folders}
lines = ['', 'Microsoft Visual Studio Solution File, Format Version 12.00', '# Visual Studio Version 17', 'VisualStudioVersion = 17.10.35004.147', 'MinimumVisualStudioVersion = 10.0.40219.1']
for k in folders:
    lines += [f'Project("{FOLDER}") = "{k}", "{k}", "{{{fguids[k]}}}"', 'EndProject']
pg = {}
for p in projects:
    g = guid_of(p); pg[p] = g
    t = NF if p.endswith('.nfproj') else CS
    name = os.path.splitext(os.path.basename(p))[0]
    # A device project beside a host project of the same name (core, test support) is named apart, as a solution needs.
    if p.endswith('.nfproj') and os.path.exists(os.path.join(ROOT, p[:-len('.nfproj')] + '.csproj')): name += '.Device'
    lines += [f'Project("{t}") = "{name}", "{p.replace("/", chr(92))}", "{{{g}}}"', 'EndProject']
lines += ['Global', '\tGlobalSection(SolutionConfigurationPlatforms) = preSolution', '\t\tDebug|Any CPU = Debug|Any CPU', '\t\tRelease|Any CPU = Release|Any CPU', '\tEndGlobalSection', '\tGlobalSection(ProjectConfigurationPlatforms) = postSolution']
for p in projects:
    g = pg[p]
    for c in ('Debug', 'Release'):
        lines += [f'\t\t{{{g}}}.{c}|Any CPU.ActiveCfg = {c}|Any CPU', f'\t\t{{{g}}}.{c}|Any CPU.Build.0 = {c}|Any CPU']
        if p.endswith('.nfproj'):
            lines += [f'\t\t{{{g}}}.{c}|Any CPU.Deploy.0 = {c}|Any CPU']
lines += ['\tEndGlobalSection', '\tGlobalSection(SolutionProperties) = preSolution', '\t\tHideSolutionNode = FALSE', '\tEndGlobalSection', '\tGlobalSection(NestedProjects) = preSolution']
for p in projects:
    top = p.split('/')[0]
    if top in fguids:
        lines += [f'\t\t{{{pg[p]}}} = {{{fguids[top]}}}']
lines += ['\tEndGlobalSection', '\tGlobalSection(ExtensibilityGlobals) = postSolution', '\t\tSolutionGuid = {6B0E1C7A-3D2B-4E55-9A8E-6C1D2B7F0A11}', '\tEndGlobalSection', 'EndGlobal', '']
open(os.path.join(ROOT, 'Controller.sln'), 'w', newline='\r\n').write('\n'.join(lines))
host = [p.replace('/', '\\') for p in projects if p.endswith('.csproj')]
json.dump({'solution': {'path': 'Controller.sln', 'projects': host}}, open(os.path.join(ROOT, 'Controller.Host.slnf'), 'w'), indent=2)
print('\n'.join(projects))
