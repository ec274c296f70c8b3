#!/usr/bin/env python3
# Developer helper (not part of the build): regenerates the <Compile> lists, references and packages.config of the .nfproj files from the tree.
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nanopackages import CORE, FIRMWARE, TESTS
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')

def cs_files(folder):
    out = []
    for dp, dn, fn in os.walk(folder):
        dn[:] = sorted(d for d in dn if d not in ('bin', 'obj'))
        for f in sorted(fn):
            if f.endswith('.cs'):
                out.append(os.path.relpath(os.path.join(dp, f), folder).replace('/', '\\'))
    return out

def refs(pkgs):
    lines = []
    for pid, ver, dlls in pkgs:
        for asm, path, av in dlls:
            lines.append(f'    <Reference Include="{asm}, Version={av}, Culture=neutral, PublicKeyToken=c07d481e9758c731">\n      <HintPath>..\\..\\packages\\{pid}.{ver}\\{path}</HintPath>\n      <Private>True</Private>\n    </Reference>')
    return '\n'.join(lines)

def packages_config(pkgs, dev=()):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<packages>']
    for pid, ver, _ in pkgs:
        extra = ' developmentDependency="true"' if pid in dev else ''
        lines.append(f'  <package id="{pid}" version="{ver}" targetFramework="netnano1.0"{extra} />')
    lines.append('</packages>')
    return '\n'.join(lines) + '\n'

def nfproj(guid, kind, rootns, asm, compiles, pkgs, extra_top='', extra_props='', extra_items='', after_props=''):
    comp = '\n'.join(f'    <Compile Include="{c}" />' for c in compiles)
    return f'''<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup Label="Globals">
    <NanoFrameworkProjectSystemPath>$(MSBuildExtensionsPath)\\nanoFramework\\v1.0\\</NanoFrameworkProjectSystemPath>
  </PropertyGroup>
  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props" Condition="Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props')" />
{extra_top}  <PropertyGroup>
    <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
    <Platform Condition=" '$(Platform)' == '' ">AnyCPU</Platform>
    <ProjectTypeGuids>{{11A8DD76-328B-46DF-9F39-F559912D0360}};{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}</ProjectTypeGuids>
    <ProjectGuid>{{{guid}}}</ProjectGuid>
    <OutputType>{kind}</OutputType>
    <AppDesignerFolder>Properties</AppDesignerFolder>
    <FileAlignment>512</FileAlignment>
    <RootNamespace>{rootns}</RootNamespace>
    <AssemblyName>{asm}</AssemblyName>
    <TargetFrameworkVersion>v1.0</TargetFrameworkVersion>
{extra_props}  </PropertyGroup>
  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.props" Condition="Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.props')" />
{after_props}  <ItemGroup>
{comp}
  </ItemGroup>
  <ItemGroup>
    <None Include="packages.config" />
{extra_items}  </ItemGroup>
  <ItemGroup>
{refs(pkgs)}
  </ItemGroup>
  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets" Condition="Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets')" />
  <ProjectExtensions>
    <ProjectCapabilities>
      <ProjectConfigurationsDeclaredAsItems />
    </ProjectCapabilities>
  </ProjectExtensions>
</Project>
'''

core_dir = os.path.join(ROOT, 'shared/Greenhouse.Core')
# nanoFramework's MetadataProcessor addresses an assembly's byte code with 16-bit offsets (at most 65,535 bytes). The
# core's unoptimised (Debug) byte code reached that limit (64,856 bytes on 2026-12-02); optimised it is about a sixth
# smaller. So the core is compiled optimised in every configuration (docs/device-fidelity.md, "Assembly size").
core_after = '  <PropertyGroup>\n    <Optimize>true</Optimize>\n  </PropertyGroup>\n'
open(os.path.join(core_dir, 'Greenhouse.Core.nfproj'), 'w').write(nfproj('259CC4D1-0F52-4BD8-9EAE-F9179C8A2F3E', 'Library', 'Greenhouse', 'Greenhouse.Core', cs_files(core_dir), CORE, after_props=core_after))
open(os.path.join(core_dir, 'packages.config'), 'w').write(packages_config(CORE))

# The controller's upper half (App, Messaging, Technician) is its own device assembly over the core: one assembly
# could not hold the byte code of both (same limit as above; docs/device-fidelity.md, "Assembly size").
ctl_dir = os.path.join(ROOT, 'shared/Greenhouse.Controller')
core_ref = '    <ProjectReference Include="..\\..\\shared\\Greenhouse.Core\\Greenhouse.Core.nfproj" />\n'
ctl_ref = '    <ProjectReference Include="..\\..\\shared\\Greenhouse.Controller\\Greenhouse.Controller.nfproj" />\n'
open(os.path.join(ctl_dir, 'Greenhouse.Controller.nfproj'), 'w').write(nfproj('7B1E2C64-3D5A-4F0B-9C8E-2A6D41F5B937', 'Library', 'Greenhouse', 'Greenhouse.Controller', cs_files(ctl_dir), CORE, extra_items=core_ref.replace('..\\..\\shared\\', '..\\'), after_props=core_after))
open(os.path.join(ctl_dir, 'packages.config'), 'w').write(packages_config(CORE))

fw_dir = os.path.join(ROOT, 'firmware/Greenhouse.Firmware')
if os.path.isdir(fw_dir):
    items = core_ref + ctl_ref
    open(os.path.join(fw_dir, 'Greenhouse.Firmware.nfproj'), 'w').write(nfproj('64CC70C6-E771-4B2D-86C8-DCF9E4528BE4', 'Exe', 'Greenhouse.Firmware', 'Greenhouse.Firmware', cs_files(fw_dir), FIRMWARE, extra_items=items))
    open(os.path.join(fw_dir, 'packages.config'), 'w').write(packages_config(FIRMWARE))

ts_dir = os.path.join(ROOT, 'tests/Greenhouse.TestSupport')
if os.path.isdir(ts_dir):
    # The port fakes shared by every test project and tool; on the device, a class library the unit-test project references.
    items = core_ref + ctl_ref
    open(os.path.join(ts_dir, 'Greenhouse.TestSupport.nfproj'), 'w').write(nfproj('CF0FD982-BF1D-4A1A-BC07-B535EFA46BB1', 'Library', 'Greenhouse.TestSupport', 'Greenhouse.TestSupport', cs_files(ts_dir), CORE, extra_items=items))
    open(os.path.join(ts_dir, 'packages.config'), 'w').write(packages_config(CORE))

t_dir = os.path.join(ROOT, 'tests/NFUnitTest')
if os.path.isdir(t_dir):
    items = '    <None Include="nano.runsettings" />\n' + core_ref + ctl_ref
    if os.path.isdir(ts_dir):
        items += '    <ProjectReference Include="..\\Greenhouse.TestSupport\\Greenhouse.TestSupport.nfproj" />\n'
    top = '  <ItemGroup>\n    <ProjectCapability Include="TestContainer" />\n  </ItemGroup>\n'
    props = '    <IsCodedUITest>False</IsCodedUITest>\n    <IsTestProject>true</IsTestProject>\n    <TestProjectType>UnitTest</TestProjectType>\n'
    after = '  <PropertyGroup>\n    <RunSettingsFilePath>$(MSBuildProjectDirectory)\\nano.runsettings</RunSettingsFilePath>\n  </PropertyGroup>\n'
    text = nfproj('C03E5A6B-AC1D-46F9-9557-6B83EAC8F4A8', 'Library', 'NFUnitTest', 'NFUnitTest', cs_files(t_dir), TESTS, extra_top=top, extra_props=props, extra_items=items, after_props=after)
    open(os.path.join(t_dir, 'NFUnitTest.nfproj'), 'w').write(text)
    open(os.path.join(t_dir, 'packages.config'), 'w').write(packages_config(TESTS, dev=('nanoFramework.TestFramework',)))
print('ok')
