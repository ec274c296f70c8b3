using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Greenhouse.NanoCompat.IlGate;

internal sealed partial class Gate
{
    /// <summary>What the gate knows about one evaluation-stack slot.</summary>
    private sealed class Val
    {
        public string? Str;            // from ldstr
        public int? Int;               // from ldc.i4*
        public string? BoxedType;      // from box
        public string? BoxedEnum;      // from box of an enum type
        public Dictionary<int, Val?>? Elements; // from newarr, filled by stelem with constant indexes
        public bool HasEnumElement;    // a boxed enum was stored into the array
        public bool IsStringArray;     // statically a string[] (newarr, or a field, local, argument or result of that type)
        public int? Length;            // from newarr with a constant length
    }

    private readonly record struct Instruction(int Offset, OpCode Op, int Token, long Number, int[] Targets);

    /// <summary>
    /// Walks one method body in IL order with a light abstract evaluation stack, so that a call can see
    /// where its arguments came from (a string literal, a boxed enum, an object[] of boxed values).
    /// </summary>
    private sealed class IlScan
    {
        private readonly Gate _g;
        private readonly MethodBodyBlock _body;
        private readonly List<Instruction> _instructions;
        private readonly MemberContext _ctx;
        private readonly bool _returnsValue;
        // Locals stored exactly once and never passed by address: their value is known wherever they are loaded.
        private readonly HashSet<int> _trackedLocals = new();
        private readonly Dictionary<int, Val?> _locals = new();
        // Types of the locals and arguments (argument 0 is 'this' in an instance method), for the string[] rule.
        private readonly IReadOnlyList<SigType> _localTypes;
        private readonly IReadOnlyList<SigType> _argTypes;
        // Every 'newarr System.String' of this body with the value it made, checked once the body is walked.
        private readonly List<(int Offset, Val Array)> _newStringArrays = new();

        public IlScan(Gate gate, MethodBodyBlock body, List<Instruction> instructions, MemberContext ctx, bool returnsValue,
            IReadOnlyList<SigType> localTypes, IReadOnlyList<SigType> argTypes)
        {
            _instructions = instructions;
            _g = gate;
            _body = body;
            _ctx = ctx;
            _returnsValue = returnsValue;
            _localTypes = localTypes;
            _argTypes = argTypes;
        }

        public void Run()
        {
            var instructions = _instructions;
            var stores = new Dictionary<int, int>();
            var addressTaken = new HashSet<int>();
            foreach (var ins in instructions)
            {
                if (StoredLocal(ins) is int st)
                {
                    stores[st] = stores.GetValueOrDefault(st) + 1;
                }
                if (ins.Op == OpCodes.Ldloca || ins.Op == OpCodes.Ldloca_S)
                {
                    addressTaken.Add((int)ins.Number);
                }
            }
            foreach (var (local, count) in stores)
            {
                if (count == 1 && !addressTaken.Contains(local))
                {
                    _trackedLocals.Add(local);
                }
            }
            var states = new Dictionary<int, List<Val?>>();
            foreach (var region in _body.ExceptionRegions)
            {
                states.TryAdd(region.TryOffset, new List<Val?>());
                var handlerStack = region.Kind is ExceptionRegionKind.Catch or ExceptionRegionKind.Filter
                    ? new List<Val?> { null } : new List<Val?>();
                states[region.HandlerOffset] = handlerStack;
                if (region.Kind == ExceptionRegionKind.Filter)
                {
                    states[region.FilterOffset] = new List<Val?> { null };
                }
            }

            var stack = new List<Val?>();
            var reachable = true;
            EntityHandle? constrained = null;
            foreach (var ins in instructions)
            {
                if (!reachable)
                {
                    stack = states.TryGetValue(ins.Offset, out var saved) ? new List<Val?>(saved) : new List<Val?>();
                }
                reachable = true;

                var op = ins.Op;
                if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
                {
                    _g.CheckToken(MetadataTokens.EntityHandle(ins.Token), _ctx, ins.Offset);
                }

                if (op == OpCodes.Constrained)
                {
                    constrained = MetadataTokens.EntityHandle(ins.Token);
                    continue;
                }
                Step(ins, stack, constrained);
                if (op.OpCodeType != OpCodeType.Prefix)
                {
                    constrained = null;
                }

                if (op == OpCodes.Leave || op == OpCodes.Leave_S)
                {
                    stack.Clear();
                }
                if (op.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch)
                {
                    foreach (var t in ins.Targets)
                    {
                        states.TryAdd(t, new List<Val?>(stack));
                    }
                }
                if (op.FlowControl is FlowControl.Branch or FlowControl.Return or FlowControl.Throw)
                {
                    reachable = false;
                }
            }
            CheckNewStringArrays();
        }

        /// <summary>
        /// NFGATE010: a new string[] must not leave an element unwritten (nanoFramework's interpreter gives such an
        /// element a broken null). Fine: length 0; a constant length with every index stored in this body (an array
        /// initializer without null items, or one store per index); the helper that stores null into each element.
        /// </summary>
        private void CheckNewStringArrays()
        {
            if (_ctx.Member == StringArrayHelper)
            {
                return;
            }
            foreach (var (offset, array) in _newStringArrays)
            {
                if (array.Length is int n && (n == 0 || Enumerable.Range(0, n).All(k => array.Elements!.ContainsKey(k))))
                {
                    continue;
                }
                string what;
                if (array.Length is int length)
                {
                    var missing = Enumerable.Range(0, length).Where(k => !array.Elements!.ContainsKey(k)).ToList();
                    var shown = string.Join(", ", missing.Take(4)) + (missing.Count > 4 ? $" and {missing.Count - 4} more" : "");
                    what = missing.Count == length
                        ? $"new string[{length}] with no element stored"
                        : $"new string[{length}] with element {shown} never stored (a null item of an initializer is not stored)";
                }
                else
                {
                    what = "new string[n] of a length known only at run time";
                }
                Report(Rules.FreshStringArray, Rules.FreshStringArrayText(what), offset);
            }
        }

        private void Step(Instruction ins, List<Val?> stack, EntityHandle? constrained)
        {
            var op = ins.Op;
            var md = _g._md;
            if (op == OpCodes.Ldstr)
            {
                stack.Add(new Val { Str = md.GetUserString(MetadataTokens.UserStringHandle(ins.Token)) });
                return;
            }
            if (op == OpCodes.Ldc_I4 || op == OpCodes.Ldc_I4_S || op == OpCodes.Ldc_I4_M1 ||
                (op.Value >= OpCodes.Ldc_I4_0.Value && op.Value <= OpCodes.Ldc_I4_8.Value))
            {
                var n = op == OpCodes.Ldc_I4 || op == OpCodes.Ldc_I4_S ? (int)ins.Number
                    : op == OpCodes.Ldc_I4_M1 ? -1 : op.Value - OpCodes.Ldc_I4_0.Value;
                stack.Add(new Val { Int = n });
                return;
            }
            if (op == OpCodes.Box)
            {
                Pop(stack);
                var type = MetadataTokens.EntityHandle(ins.Token);
                stack.Add(new Val { BoxedType = Names.TypeOf(md, type), BoxedEnum = _g.EnumName(type) });
                return;
            }
            if (StoredLocal(ins) is int stored)
            {
                var value = Pop(stack);
                if (_trackedLocals.Contains(stored))
                {
                    _locals[stored] = value;
                }
                return;
            }
            if (LoadedLocal(ins) is int loaded)
            {
                var known = _trackedLocals.Contains(loaded) ? _locals.GetValueOrDefault(loaded) : null;
                if (known is null && loaded < _localTypes.Count && IsStringArrayType(_localTypes[loaded]))
                {
                    known = new Val { IsStringArray = true };
                }
                stack.Add(known);
                return;
            }
            if (op == OpCodes.Dup)
            {
                var top = stack.Count > 0 ? stack[^1] : null;
                stack.Add(top);
                return;
            }
            if (op == OpCodes.Newarr)
            {
                var length = Pop(stack)?.Int;
                var isString = Names.TypeOf(md, MetadataTokens.EntityHandle(ins.Token)) == "System.String";
                var array = new Val { Elements = new Dictionary<int, Val?>(), IsStringArray = isString, Length = length };
                if (isString)
                {
                    _newStringArrays.Add((ins.Offset, array));
                }
                stack.Add(array);
                return;
            }
            if (op == OpCodes.Ldfld || op == OpCodes.Ldsfld)
            {
                if (op == OpCodes.Ldfld)
                {
                    Pop(stack);
                }
                stack.Add(_g.FieldType(MetadataTokens.EntityHandle(ins.Token)) is { } ft && IsStringArrayType(ft) ? new Val { IsStringArray = true } : null);
                return;
            }
            if (LoadedArgument(ins) is int arg)
            {
                stack.Add(arg < _argTypes.Count && IsStringArrayType(_argTypes[arg]) ? new Val { IsStringArray = true } : null);
                return;
            }
            if (op == OpCodes.Stelem_Ref || op == OpCodes.Stelem)
            {
                var value = Pop(stack);
                var index = Pop(stack);
                var array = Pop(stack);
                if (array?.Elements is not null)
                {
                    if (index?.Int is int k)
                    {
                        array.Elements[k] = value;
                    }
                    if (value?.BoxedEnum is not null)
                    {
                        array.HasEnumElement = true;
                    }
                }
                return;
            }
            if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Newobj)
            {
                var callee = _g.Callee(MetadataTokens.EntityHandle(ins.Token));
                if (callee is null)
                {
                    stack.Clear();
                    return;
                }
                var withThis = callee.HasThis && op != OpCodes.Newobj;
                var count = callee.Params.Length + (withThis ? 1 : 0);
                var args = new List<Val?>();
                for (var i = 0; i < count; i++)
                {
                    args.Add(stack.Count - count + i >= 0 ? stack[stack.Count - count + i] : null);
                }
                AnalyzeCall(ins.Offset, callee, withThis, args, constrained);
                for (var i = 0; i < count; i++)
                {
                    Pop(stack);
                }
                if (op == OpCodes.Newobj || callee.ReturnsValue)
                {
                    stack.Add(op != OpCodes.Newobj && IsStringArrayType(callee.ReturnType) ? new Val { IsStringArray = true } : null);
                }
                return;
            }
            if (op == OpCodes.Calli)
            {
                var sig = md.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(ins.Token))
                    .DecodeMethodSignature(SigProvider.Instance, null);
                var count = sig.ParameterTypes.Length + (sig.Header.IsInstance ? 1 : 0) + 1;
                for (var i = 0; i < count; i++)
                {
                    Pop(stack);
                }
                if (sig.ReturnType.Name != "void")
                {
                    stack.Add(null);
                }
                return;
            }
            if (op == OpCodes.Ret)
            {
                if (_returnsValue)
                {
                    Pop(stack);
                }
                return;
            }

            for (var i = PopCount(op.StackBehaviourPop); i > 0; i--)
            {
                Pop(stack);
            }
            for (var i = PushCount(op.StackBehaviourPush); i > 0; i--)
            {
                stack.Add(null);
            }
        }

        private const string StringArrayHelper = "Greenhouse.Text.StringArray.New";

        private static bool IsStringArrayType(SigType type) => type.Name == "System.String[]";

        private static int? LoadedArgument(Instruction ins)
        {
            var op = ins.Op;
            if (op == OpCodes.Ldarg_0) return 0;
            if (op == OpCodes.Ldarg_1) return 1;
            if (op == OpCodes.Ldarg_2) return 2;
            if (op == OpCodes.Ldarg_3) return 3;
            if (op == OpCodes.Ldarg_S || op == OpCodes.Ldarg) return (int)ins.Number;
            return null;
        }

        private static int? StoredLocal(Instruction ins)
        {
            var op = ins.Op;
            if (op == OpCodes.Stloc_0) return 0;
            if (op == OpCodes.Stloc_1) return 1;
            if (op == OpCodes.Stloc_2) return 2;
            if (op == OpCodes.Stloc_3) return 3;
            if (op == OpCodes.Stloc_S || op == OpCodes.Stloc) return (int)ins.Number;
            return null;
        }

        private static int? LoadedLocal(Instruction ins)
        {
            var op = ins.Op;
            if (op == OpCodes.Ldloc_0) return 0;
            if (op == OpCodes.Ldloc_1) return 1;
            if (op == OpCodes.Ldloc_2) return 2;
            if (op == OpCodes.Ldloc_3) return 3;
            if (op == OpCodes.Ldloc_S || op == OpCodes.Ldloc) return (int)ins.Number;
            return null;
        }

        private void AnalyzeCall(int offset, CalleeInfo callee, bool withThis, List<Val?> args, EntityHandle? constrained)
        {
            var first = withThis ? 1 : 0;
            if (callee.ParentType == "System.Array" && callee.Name == "Clear" && !withThis && args.Count > 0 && args[0] is { IsStringArray: true })
            {
                Report(Rules.FreshStringArray, Rules.FreshStringArrayText("Array.Clear on a string[]"), offset);
            }
            var isObjectToString = callee.Name == "ToString" && callee.Params.Length == 0 &&
                callee.ParentType is "System.Object" or "System.Enum" or "System.ValueType";
            if (isObjectToString)
            {
                var enumName = constrained is { } c ? _g.EnumName(c) : (withThis ? args[0]?.BoxedEnum : null);
                if (enumName is not null)
                {
                    Report(Rules.EnumToString, Rules.EnumText(enumName, "ToString()"), offset);
                }
            }

            if (callee.Name == "ToString" && NumericTypes.Contains(callee.ParentType) && callee.Params.Length >= 1 &&
                callee.Params[0].Name == "System.String")
            {
                var fmt = args[first]?.Str;
                if (fmt is not null && !IsStandardNumericFormat(fmt))
                {
                    Report(Rules.CustomToStringFormat, Rules.CustomToStringText(fmt, callee.ParentType), offset);
                }
            }

            // Text sinks that call ToString() on an object argument: StringBuilder.Append/Insert, Write/WriteLine.
            if (callee.Name is "Append" or "Insert" or "Write" or "WriteLine")
            {
                for (var i = 0; i < callee.Params.Length; i++)
                {
                    if (callee.Params[i].Name == "System.Object" && args[first + i]?.BoxedEnum is { } en)
                    {
                        Report(Rules.EnumToString, Rules.EnumText(en, $"{callee.ParentType}.{callee.Name}(object)"), offset);
                    }
                }
            }

            if (callee.ParentType != "System.String" || withThis)
            {
                return;
            }
            if (callee.Name == "Concat")
            {
                foreach (var a in args)
                {
                    var en = a?.BoxedEnum ?? (a is { HasEnumElement: true } ? "(in object[])" : null);
                    if (en is not null)
                    {
                        Report(Rules.EnumToString, Rules.EnumText(en, "string concatenation or interpolation"), offset);
                    }
                }
                return;
            }
            if (callee.Name != "Format")
            {
                return;
            }
            var fi = callee.Params.ToList().FindIndex(p => p.Name == "System.String");
            if (fi < 0)
            {
                return;
            }
            var restArgs = args.Skip(fi + 1).ToList();
            var restParams = callee.Params.Skip(fi + 1).ToList();
            var composite = args[fi]?.Str;
            var enumReported = false;
            if (composite is not null)
            {
                foreach (var (item, index, format) in FormatItems(composite))
                {
                    var arg = restParams.Count == 1 && restParams[0].Name == "System.Object[]"
                        ? (restArgs[0]?.Elements is { } els && els.TryGetValue(index, out var e) ? e : null)
                        : (index < restArgs.Count ? restArgs[index] : null);
                    if (format is not null && !IsStandardNumericFormat(format))
                    {
                        // A known non-numeric, non-enum argument (DateTime, TimeSpan, ...) has its own format rules.
                        var knownOther = arg?.BoxedType is { } bt && !NumericTypes.Contains(bt) && arg.BoxedEnum is null;
                        if (!knownOther)
                        {
                            Report(Rules.CustomCompositeFormat, Rules.CustomCompositeText(item), offset);
                        }
                    }
                    else if (format is null && arg?.BoxedEnum is { } en)
                    {
                        Report(Rules.EnumToString, Rules.EnumText(en, $"String.Format item {item}"), offset);
                        enumReported = true;
                    }
                }
            }
            if (!enumReported)
            {
                foreach (var a in restArgs)
                {
                    var en = a?.BoxedEnum ?? (a is { HasEnumElement: true } ? "(in object[])" : null);
                    if (en is not null && composite is null)
                    {
                        Report(Rules.EnumToString, Rules.EnumText(en, "String.Format argument"), offset);
                    }
                }
            }
        }

        private void Report(string code, string message, int offset)
            => _g.Report(code, _ctx.Member, message, _ctx.Location(offset));

        private static Val? Pop(List<Val?> stack)
        {
            if (stack.Count == 0)
            {
                return null;
            }
            var v = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            return v;
        }

        private static int PopCount(StackBehaviour b) => b switch
        {
            StackBehaviour.Pop0 => 0,
            StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
            StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8 or
                StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
            StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8 or
                StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref or
                StackBehaviour.Popref_popi_pop1 => 3,
            _ => 0,
        };

        private static int PushCount(StackBehaviour b) => b switch
        {
            StackBehaviour.Push0 => 0,
            StackBehaviour.Push1_push1 => 2,
            StackBehaviour.Push1 or StackBehaviour.Pushi or StackBehaviour.Pushi8 or StackBehaviour.Pushr4 or
                StackBehaviour.Pushr8 or StackBehaviour.Pushref => 1,
            _ => 0,
        };
    }

    /// <summary>The local variable an instruction stores, loads or addresses, if any.</summary>
    private static int? LocalIndex(Instruction ins)
    {
        var op = ins.Op;
        if (op == OpCodes.Stloc_0 || op == OpCodes.Ldloc_0) return 0;
        if (op == OpCodes.Stloc_1 || op == OpCodes.Ldloc_1) return 1;
        if (op == OpCodes.Stloc_2 || op == OpCodes.Ldloc_2) return 2;
        if (op == OpCodes.Stloc_3 || op == OpCodes.Ldloc_3) return 3;
        if (op == OpCodes.Stloc_S || op == OpCodes.Stloc || op == OpCodes.Ldloc_S || op == OpCodes.Ldloc ||
            op == OpCodes.Ldloca_S || op == OpCodes.Ldloca)
        {
            return (int)ins.Number;
        }
        return null;
    }

    private static List<Instruction> Decode(byte[] il)
    {
        var result = new List<Instruction>();
        var pos = 0;
        while (pos < il.Length)
        {
            var start = pos;
            ushort code = il[pos++];
            if (code == 0xFE && pos < il.Length)
            {
                code = (ushort)(0xFE00 | il[pos++]);
            }
            if (!OpCodesByValue.TryGetValue(code, out var op))
            {
                break; // unknown opcode: stop scanning this body rather than guess
            }
            var token = 0;
            long number = 0;
            var targets = Array.Empty<int>();
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                    targets = new[] { pos + 1 + (sbyte)il[pos] };
                    pos += 1;
                    break;
                case OperandType.ShortInlineI:
                    number = op == OpCodes.Ldc_I4_S ? (sbyte)il[pos] : il[pos];
                    pos += 1;
                    break;
                case OperandType.ShortInlineVar:
                    number = il[pos];
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    number = BitConverter.ToUInt16(il, pos);
                    pos += 2;
                    break;
                case OperandType.InlineI:
                    number = BitConverter.ToInt32(il, pos);
                    pos += 4;
                    break;
                case OperandType.InlineBrTarget:
                    targets = new[] { pos + 4 + BitConverter.ToInt32(il, pos) };
                    pos += 4;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    token = BitConverter.ToInt32(il, pos);
                    pos += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.ShortInlineR:
                    pos += 4;
                    break;
                case OperandType.InlineSwitch:
                {
                    var n = BitConverter.ToInt32(il, pos);
                    pos += 4;
                    var baseOffset = pos + 4 * n;
                    targets = new int[n];
                    for (var i = 0; i < n; i++)
                    {
                        targets[i] = baseOffset + BitConverter.ToInt32(il, pos);
                        pos += 4;
                    }
                    break;
                }
                default:
                    pos += 4;
                    break;
            }
            result.Add(new Instruction(start, op, token, number, targets));
        }
        return result;
    }
}
