/// The five workflows of S000 as reconstructed in docs/domain.md §4, node for node and edge for edge.
enum Workflows {
    enum Kind: String { case start, end, task, decision, doc, subprocess }

    struct Node {
        let code: String
        let lane: String
        let kind: Kind
        let label: String
        var timeLimit: String? = nil
        var form: String? = nil
        var implied = false
    }

    struct Edge {
        let from: String
        let to: String
        var label: String? = nil
        var implied = false
    }

    struct Process {
        let code: String
        let name: String
        let lanes: [(code: String, name: String)]
        let nodes: [Node]
        let edges: [Edge]
    }

    static let all = [serviceAdvisor, emergency, fieldService, warrantyClaim, repairCentre]

    /// Unlabelled edges along a path.
    private static func path(_ codes: String...) -> [Edge] {
        zip(codes, codes.dropFirst()).map { Edge(from: $0, to: $1) }
    }

    private static func edge(_ from: String, _ to: String, _ label: String? = nil, implied: Bool = false) -> [Edge] {
        [Edge(from: from, to: to, label: label, implied: implied)]
    }

    static let serviceAdvisor = Process(
        code: "SA", name: "服务顾问工作流程",
        lanes: [("SA", "服务顾问"), ("CU", "客户"), ("WS", "车间(主任/维修工程师)"), ("PC", "配件/维修中心"),
                ("CL", "索赔员"), ("QC", "质检"), ("FN", "财务/收银")],
        nodes: [
            Node(code: "SA00", lane: "CU", kind: .start, label: "客户来电预约 / 车辆设备入厂"),
            Node(code: "SA01", lane: "SA", kind: .task, label: "预约登记：车型、来电人、电话、目的、特殊要求", form: "预约登记"),
            Node(code: "SA02", lane: "SA", kind: .task, label: "接待：5–10 秒内到达，引导停车，问好递名片", timeLimit: "5–10 秒"),
            Node(code: "SA03", lane: "SA", kind: .task, label: "问诊：记录主诉并复述，客户确认"),
            Node(code: "SA04", lane: "SA", kind: .decision, label: "疑问能当场解答?"),
            Node(code: "SA05", lane: "WS", kind: .task, label: "工程师试车查找原因"),
            Node(code: "SA06", lane: "SA", kind: .task, label: "解答客户"),
            Node(code: "SA07", lane: "SA", kind: .task, label: "进厂检查(驾驶室…黄油嘴)；总成件拍照", form: "进厂检查清单"),
            Node(code: "SA08", lane: "SA", kind: .decision, label: "需工程师协助确认?"),
            Node(code: "SA09", lane: "WS", kind: .task, label: "工程师协助检查确认(客户休息、倒水)"),
            Node(code: "SA10", lane: "SA", kind: .doc, label: "接车单记录问题，客户签名", form: "接车单"),
            Node(code: "SA11", lane: "SA", kind: .task, label: "装防护用品，交车间主任，告知进厂目的"),
            Node(code: "SA12", lane: "PC", kind: .task, label: "交配件明细/价格单/工时清单/作业指导书，标注索赔项目"),
            Node(code: "SA13", lane: "CL", kind: .task, label: "索赔员签字确认"),
            Node(code: "SA14", lane: "SA", kind: .doc, label: "核对客户档案，打印施工单(项目、费用、接车/预计交车时间)", form: "施工单"),
            Node(code: "SA15", lane: "CU", kind: .task, label: "客户确认签字"),
            Node(code: "SA16", lane: "SA", kind: .task, label: "向车间复述并交施工单；底联存前台；更新看板"),
            Node(code: "SA17", lane: "SA", kind: .task, label: "跟进维修进度"),
            Node(code: "SA18", lane: "SA", kind: .decision, label: "发现新问题?"),
            Node(code: "SA19", lane: "SA", kind: .decision, label: "客户能签字确认?"),
            Node(code: "SA20", lane: "CU", kind: .task, label: "签字确认 / 录音电话确认"),
            Node(code: "SA21", lane: "WS", kind: .task, label: "维修/更换"),
            Node(code: "SA22", lane: "QC", kind: .task, label: "竣工质检签字"),
            Node(code: "SA23", lane: "SA", kind: .decision, label: "服务顾问整体确认合格(清洁、核对接车单/施工单)?"),
            Node(code: "SA24", lane: "SA", kind: .task, label: "通知接车，逐项说明费用，陪同验收，旧件说明"),
            Node(code: "SA25", lane: "CU", kind: .decision, label: "客户保留旧件?"),
            Node(code: "SA26", lane: "SA", kind: .task, label: "旧件装好交客户 / 交旧件库"),
            Node(code: "SA27", lane: "SA", kind: .task, label: "征求意见，整体评价"),
            Node(code: "SA28", lane: "SA", kind: .doc, label: "打印结算单，客户签字", form: "结算单"),
            Node(code: "SA29", lane: "SA", kind: .decision, label: "需优惠?"),
            Node(code: "SA30", lane: "SA", kind: .task, label: "责任人授权签字，注明优惠标准"),
            Node(code: "SA31", lane: "FN", kind: .doc, label: "收银结账，开具出门证", form: "出门证"),
            Node(code: "SA32", lane: "SA", kind: .task, label: "提醒下次保养与注意事项，送客"),
            Node(code: "SA33", lane: "SA", kind: .task, label: "当天交车记录，整理档案", timeLimit: "当天"),
            Node(code: "SA34", lane: "SA", kind: .task, label: "两日后回访并记录", timeLimit: "D+2", form: "回访记录"),
            Node(code: "SA35", lane: "SA", kind: .end, label: "归档"),
        ],
        edges: path("SA00", "SA01", "SA02", "SA03", "SA04")
            + edge("SA04", "SA06", "是") + edge("SA04", "SA05", "否") + path("SA05", "SA06", "SA07", "SA08")
            + edge("SA08", "SA09", "是") + path("SA09", "SA10") + edge("SA08", "SA10", "否")
            + path("SA10", "SA11", "SA12", "SA13", "SA14", "SA15", "SA16", "SA17", "SA18")
            + edge("SA18", "SA19", "是") + edge("SA19", "SA20", "是") + edge("SA19", "SA20", "否(录音电话)")
            + path("SA20", "SA21", "SA17")
            + edge("SA18", "SA22", "否") + path("SA22", "SA23")
            + edge("SA23", "SA21", "否", implied: true) + edge("SA23", "SA24", "是") + path("SA24", "SA25")
            + edge("SA25", "SA26", "是") + edge("SA25", "SA26", "否") + path("SA26", "SA27", "SA28", "SA29")
            + edge("SA29", "SA30", "是") + path("SA30", "SA31") + edge("SA29", "SA31", "否")
            + path("SA31", "SA32", "SA33", "SA34", "SA35"))

    static let emergency = Process(
        code: "EM", name: "紧急处理流程",
        lanes: [("RC", "接听人(首问)"), ("CS", "客服中心(主管)"), ("OW", "第一责任人(大区主管/部长)"), ("CL", "索赔员"),
                ("PT", "配件中心"), ("GM", "总经理")],
        nodes: [
            Node(code: "EM00", lane: "RC", kind: .start, label: "来电/投诉"),
            Node(code: "EM01", lane: "RC", kind: .doc, label: "登记：时间、负责人、来电人、目的、回复内容、是否停机", form: "客户投诉处理表"),
            Node(code: "EM02", lane: "RC", kind: .task, label: "3–5 分钟内交客服中心主管(分清部门或个人)", timeLimit: "3–5 分钟"),
            Node(code: "EM03", lane: "CS", kind: .doc, label: "传达：时间、负责人、指定处理负责人，当事人签字", form: "传达记录"),
            Node(code: "EM04", lane: "OW", kind: .task, label: "第一时间解释(方案、故障判断、步骤)，稳定情绪"),
            Node(code: "EM05", lane: "OW", kind: .decision, label: "能处理?"),
            Node(code: "EM06", lane: "OW", kind: .task, label: "3 分钟内通知上级主管协调", timeLimit: "3 分钟"),
            Node(code: "EM07", lane: "OW", kind: .decision, label: "涉及配件：有现货?"),
            Node(code: "EM08", lane: "PT", kind: .task, label: "现货直接发往现场"),
            Node(code: "EM09", lane: "CL", kind: .task, label: "当天订货，厂家加急，要求当天发货 / 拆解样机暂借出库", timeLimit: "当天"),
            Node(code: "EM10", lane: "OW", kind: .task, label: "人单合一快速处理"),
            Node(code: "EM11", lane: "CS", kind: .task, label: "每小时要一次结果；每两小时回复客户", timeLimit: "1 小时 / 2 小时"),
            Node(code: "EM12", lane: "CS", kind: .decision, label: "超过 4 小时无进展?", timeLimit: "4 小时"),
            Node(code: "EM13", lane: "GM", kind: .task, label: "上报总经理协调"),
            Node(code: "EM14", lane: "CS", kind: .decision, label: "已解决?", implied: true),
            Node(code: "EM15", lane: "CS", kind: .doc, label: "当日重点记录：原因、方法、负责人、责任人", form: "投诉处理记录"),
            Node(code: "EM16", lane: "CS", kind: .task, label: "当天下班前回复客户结果", timeLimit: "当天下班前"),
            Node(code: "EM17", lane: "CS", kind: .end, label: "结束"),
        ],
        edges: path("EM00", "EM01", "EM02", "EM03", "EM04", "EM05")
            + edge("EM05", "EM06", "否") + edge("EM06", "EM04", implied: true)
            + edge("EM05", "EM07", "是") + edge("EM07", "EM08", "是") + path("EM08", "EM10")
            + edge("EM07", "EM09", "否") + path("EM09", "EM10", "EM11", "EM12")
            + edge("EM12", "EM13", "是") + path("EM13", "EM11") + edge("EM12", "EM14", "否")
            + edge("EM14", "EM11", "否") + edge("EM14", "EM15", "是") + path("EM15", "EM16", "EM17"))

    static let fieldService = Process(
        code: "FS", name: "售后服务(现场)工作流程",
        lanes: [("CS", "客服中心"), ("RM", "区域服务中心/主管"), ("EN", "服务工程师"), ("PT", "配件仓库"), ("FN", "财务"),
                ("CU", "客户")],
        nodes: [
            Node(code: "FS00", lane: "CS", kind: .start, label: "任务来源：客服中心传达 / 区域自接(报客服) / 工程师自接(报区域主管)；注明接受时间"),
            Node(code: "FS01", lane: "RM", kind: .task, label: "致电客户核实项目并记录"),
            Node(code: "FS02", lane: "RM", kind: .decision, label: "保内?"),
            Node(code: "FS03", lane: "RM", kind: .task, label: "预估工作量，派工(就近、技能、人数、工具、预领暂借配件、交通、预计到达)", form: "服务派工单"),
            Node(code: "FS04", lane: "RM", kind: .task, label: "致电客服中心汇报作业计划"),
            Node(code: "FS05", lane: "EN", kind: .decision, label: "按时到达?", timeLimit: "预计到达时间"),
            Node(code: "FS06", lane: "EN", kind: .task, label: "致电区域中心、客服中心、客户说明致歉；必要时另派他人"),
            Node(code: "FS07", lane: "EN", kind: .task, label: "记录到达时间；检查故障及关联系统，提建议，一次定项目与配件"),
            Node(code: "FS08", lane: "EN", kind: .task, label: "现场信息反馈主管；订购配件、发货"),
            Node(code: "FS09", lane: "EN", kind: .subprocess, label: "保内：执行保修索赔流程 (WC)"),
            Node(code: "FS10", lane: "EN", kind: .doc, label: "拆解前估算：配件、材料、外协、交通 + 工时费", form: "费用估算单"),
            Node(code: "FS11", lane: "CU", kind: .doc, label: "协商总费用与结算方式，客户签字", form: "报价单"),
            Node(code: "FS12", lane: "FN", kind: .decision, label: "费用(预付)到账?"),
            Node(code: "FS13", lane: "EN", kind: .task, label: "作业：核对配件，规范作业，自检试车(杜绝四漏)，单据不漏签"),
            Node(code: "FS14", lane: "FN", kind: .decision, label: "试车质检后余款全额到账?"),
            Node(code: "FS15", lane: "EN", kind: .decision, label: "客户仍不结清?"),
            Node(code: "FS16", lane: "EN", kind: .task, label: "拆走配件，撤人"),
            Node(code: "FS17", lane: "EN", kind: .task, label: "交车"),
            Node(code: "FS18", lane: "RM", kind: .doc, label: "上交单据，主管审核签字；写工作日志", form: "工作日志"),
            Node(code: "FS19", lane: "CS", kind: .task, label: "报客服中心任务结束(供回访)；主管电话跟踪效果"),
            Node(code: "FS20", lane: "PT", kind: .task, label: "清结暂借：抽回借条，财务查证；索赔主管清结索赔件"),
            Node(code: "FS21", lane: "RM", kind: .end, label: "归档"),
        ],
        edges: path("FS00", "FS01", "FS02")
            + edge("FS02", "FS03", "是") + edge("FS02", "FS03", "否") + path("FS03", "FS04", "FS05")
            + edge("FS05", "FS06", "否") + path("FS06", "FS05") + edge("FS05", "FS07", "是") + path("FS07", "FS08")
            + edge("FS08", "FS09", "保内") + path("FS09", "FS13")
            + edge("FS08", "FS10", "保外") + path("FS10", "FS11", "FS12")
            + edge("FS12", "FS11", "否(继续协商)", implied: true) + edge("FS12", "FS13", "是") + path("FS13", "FS14")
            + edge("FS14", "FS17", "是") + edge("FS14", "FS15", "否")
            + edge("FS15", "FS17", "否") + edge("FS15", "FS16", "是") + path("FS16", "FS18")
            + path("FS17", "FS18", "FS19", "FS20", "FS21"))

    static let warrantyClaim = Process(
        code: "WC", name: "保修索赔工作流程",
        lanes: [("CL", "索赔员/主管"), ("WS", "维修(售后/维修中心)"), ("OE", "品牌厂家"), ("PT", "配件库"), ("FN", "财务")],
        nodes: [
            Node(code: "WC00", lane: "CL", kind: .start, label: "保修申请"),
            Node(code: "WC01", lane: "CL", kind: .decision, label: "在保? (购车日期、工作小时、上次维修日期)"),
            Node(code: "WC02", lane: "CL", kind: .end, label: "保外：按自费流程", implied: true),
            Node(code: "WC03", lane: "WS", kind: .task, label: "检查故障原因及相关部件/系统；拍照；复印证件"),
            Node(code: "WC04", lane: "CL", kind: .doc, label: "填单：维修项目+配件材料明细；技术报告书；措施方案", form: "技术报告书"),
            Node(code: "WC05", lane: "CL", kind: .task, label: "审核是否符合厂家细节要求；资料齐全"),
            Node(code: "WC06", lane: "CL", kind: .task, label: "电邮上报厂家"),
            Node(code: "WC07", lane: "OE", kind: .decision, label: "厂家同意索赔?"),
            Node(code: "WC08", lane: "CL", kind: .end, label: "不同意：与客户协商自费", implied: true),
            Node(code: "WC09", lane: "PT", kind: .decision, label: "有现货?"),
            Node(code: "WC10", lane: "PT", kind: .task, label: "办理暂借，发往现场"),
            Node(code: "WC11", lane: "CL", kind: .subprocess, label: "无现货：执行紧急处理流程 (EM)"),
            Node(code: "WC12", lane: "WS", kind: .task, label: "按售后/维修中心流程作业"),
            Node(code: "WC13", lane: "WS", kind: .decision, label: "配件有差错?"),
            Node(code: "WC14", lane: "OE", kind: .task, label: "通知厂家调换配件"),
            Node(code: "WC15", lane: "FN", kind: .task, label: "跟踪服务费按时足额到账"),
            Node(code: "WC16", lane: "PT", kind: .task, label: "索赔新件到货核对，入库，撤销索赔挂账"),
            Node(code: "WC17", lane: "CL", kind: .end, label: "销账完成"),
        ],
        edges: path("WC00", "WC01") + edge("WC01", "WC02", "否") + edge("WC01", "WC03", "是")
            + path("WC03", "WC04", "WC05", "WC06", "WC07")
            + edge("WC07", "WC08", "否") + edge("WC07", "WC09", "是")
            + edge("WC09", "WC10", "是") + path("WC10", "WC12") + edge("WC09", "WC11", "否") + path("WC11", "WC12", "WC13")
            + edge("WC13", "WC14", "是") + path("WC14", "WC12") + edge("WC13", "WC15", "否") + path("WC15", "WC16", "WC17"))

    static let repairCentre = Process(
        code: "RC", name: "维修中心工作流程",
        lanes: [("SA", "接车员"), ("WM", "车间主任"), ("TE", "主修人"), ("PT", "配件中心"), ("QC", "质检"), ("CU", "客户"),
                ("FN", "收银")],
        nodes: [
            Node(code: "RC00", lane: "TE", kind: .start, label: "接派工单"),
            Node(code: "RC01", lane: "TE", kind: .task, label: "向接车员了解故障；共同验车、审单；拍照留档"),
            Node(code: "RC02", lane: "TE", kind: .task, label: "清洗、装防护用品进车间；看板"),
            Node(code: "RC03", lane: "TE", kind: .task, label: "拆检，一次性报件(名称及代码)，检查关联系统并提建议"),
            Node(code: "RC04", lane: "TE", kind: .task, label: "预估工时：工作量、时间、人员、工时费标准"),
            Node(code: "RC05", lane: "WM", kind: .doc, label: "审核材料单/旧件与工时单并签字；下达作业计划书", form: "作业计划书"),
            Node(code: "RC06", lane: "PT", kind: .task, label: "核价、查库存；定预交货与订货时间"),
            Node(code: "RC07", lane: "SA", kind: .doc, label: "计算总费用，定预交车时间，制作业单或返修单", form: "作业单/返修单"),
            Node(code: "RC08", lane: "CU", kind: .decision, label: "客户签字同意费用?", implied: true),
            Node(code: "RC09", lane: "SA", kind: .task, label: "通知配件订货，通知车间开工"),
            Node(code: "RC10", lane: "TE", kind: .task, label: "核对配件，规范作业；自检(漏装漏修、紧固、四漏)，签字交质检"),
            Node(code: "RC11", lane: "QC", kind: .decision, label: "按厂家/公司标准合格?"),
            Node(code: "RC12", lane: "TE", kind: .task, label: "洗车"),
            Node(code: "RC13", lane: "SA", kind: .task, label: "总检(驾驶室清洁、车身、遗漏工具单据)，通知客户验车"),
            Node(code: "RC14", lane: "WM", kind: .task, label: "会同主修人核对出库单据、工时费、外协费并签字"),
            Node(code: "RC15", lane: "SA", kind: .doc, label: "制作结算单，客户签字", form: "结算单"),
            Node(code: "RC16", lane: "CU", kind: .decision, label: "客户要旧件?"),
            Node(code: "RC17", lane: "TE", kind: .task, label: "交客户 / 贴标签送旧件库(可修复保留，废件到期处理)"),
            Node(code: "RC18", lane: "FN", kind: .doc, label: "结算，开出门证，交车", form: "出门证"),
            Node(code: "RC19", lane: "WM", kind: .decision, label: "返修? 内返 / 外返 / 无", implied: true),
            Node(code: "RC20", lane: "WM", kind: .doc, label: "内返：完工存档备案"),
            Node(code: "RC21", lane: "WM", kind: .doc, label: "外返：返修总结(原因、违反规定、处理办法)上报；次日晨会宣讲；定责任人",
                 timeLimit: "次日晨会", form: "返修总结"),
            Node(code: "RC22", lane: "WM", kind: .end, label: "归档"),
        ],
        edges: path("RC00", "RC01", "RC02", "RC03", "RC04", "RC05", "RC06", "RC07", "RC08")
            + edge("RC08", "RC07", "否", implied: true) + edge("RC08", "RC09", "是") + path("RC09", "RC10", "RC11")
            + edge("RC11", "RC10", "否", implied: true) + edge("RC11", "RC12", "是")
            + path("RC12", "RC13", "RC14", "RC15", "RC16")
            + edge("RC16", "RC17", "是") + edge("RC16", "RC17", "否") + path("RC17", "RC18", "RC19")
            + edge("RC19", "RC20", "内返") + path("RC20", "RC22") + edge("RC19", "RC21", "外返") + path("RC21", "RC22")
            + edge("RC19", "RC22", "无"))
}
