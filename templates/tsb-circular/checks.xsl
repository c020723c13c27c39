<?xml version="1.0" encoding="UTF-8"?>
<!-- The checks of a TSB circular that its schema cannot express.

     circgen check runs this stylesheet after the schema and the generic checks (ids
     unique, every @ref resolved). Its output is a list of diagnostics:
       <diagnostics><error at="LINE:COL">message</error>...</diagnostics>
     cg:locate(node) gives the position of a node in the source, cg:valid-date(s) and
     cg:valid-datetime(s) whether a string is a real ISO 8601 date (time). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:circgen:tsb-circular"
                xmlns:cg="urn:circgen:xslt"
                extension-element-prefixes="cg"
                exclude-result-prefixes="c cg">
  <xsl:include href="../common/block-checks.xsl"/>
  <xsl:output method="xml" indent="no"/>
  <xsl:key name="draft-by-number" match="c:draft" use="@number"/>
  <xsl:key name="by-id" match="*[@id]" use="@id"/>

  <xsl:template match="/">
    <diagnostics>
      <xsl:apply-templates select="//@date | //c:date/@value | //c:date-range/@from | //c:date-range/@to" mode="date"/>
      <xsl:apply-templates select="//c:deadline" mode="check"/>
      <xsl:apply-templates select="//c:date-range" mode="check"/>
      <xsl:apply-templates select="c:circular" mode="check"/>
      <xsl:apply-templates select="//c:annex-ref" mode="check"/>
      <xsl:apply-templates select="//c:drafts" mode="check"/>
      <xsl:apply-templates select="//c:draft" mode="check"/>
      <xsl:apply-templates select="//c:question" mode="check"/>
      <xsl:apply-templates select="//c:question-ref" mode="check"/>
      <xsl:apply-templates select="//c:return-note" mode="check"/>
      <xsl:call-template name="block-checks"/>
    </diagnostics>
  </xsl:template>

  <xsl:template match="@*" mode="date">
    <xsl:if test="not(cg:valid-date(string(.)))">
      <error at="{cg:locate(..)}">
        <xsl:value-of select="concat('&lt;', local-name(..), ' ', name(), '=&quot;', ., '&quot;&gt;: no such date')"/>
      </error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:deadline" mode="check">
    <xsl:if test="not(cg:valid-datetime(string(@at)))">
      <error at="{cg:locate(.)}">&lt;deadline at="<xsl:value-of select="@at"/>"&gt;: no such date and time</error>
    </xsl:if>
  </xsl:template>

  <!-- ISO dates compare as numbers once the hyphens are gone. -->
  <xsl:template match="c:date-range" mode="check">
    <xsl:if test="cg:valid-date(string(@from)) and cg:valid-date(string(@to))
                  and number(translate(@from, '-', '')) &gt; number(translate(@to, '-', ''))">
      <error at="{cg:locate(.)}">&lt;date-range&gt;: the range ends (<xsl:value-of select="@to"/>) before it starts (<xsl:value-of select="@from"/>)</error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:circular" mode="check">
    <xsl:if test="@annexes and number(@annexes) != count(c:annex)">
      <error at="{cg:locate(.)}">the letter announces <xsl:value-of select="@annexes"/> annex(es) (annexes="<xsl:value-of select="@annexes"/>") but the document has <xsl:value-of select="count(c:annex)"/></error>
    </xsl:if>
    <xsl:if test="c:annex[@type='reply-form'] and not(c:annex[@type='drafts'])">
      <error at="{cg:locate(c:annex[@type='reply-form'])}">the reply form lists the drafts of a "drafts" annex, and the document has none</error>
    </xsl:if>
    <xsl:if test="c:annex[@type='reply-form'] and not(@study-group)">
      <error at="{cg:locate(.)}">the reply form names the study group that would approve the drafts: give the circular a study-group attribute</error>
    </xsl:if>
    <xsl:for-each select="c:annex[@type='drafts'][2] | c:annex[@type='reply-form'][2] | c:annex[@type='questionnaire'][2]">
      <error at="{cg:locate(.)}">a second annex of type "<xsl:value-of select="@type"/>": a circular has at most one</error>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="c:annex-ref" mode="check">
    <xsl:variable name="id" select="@ref"/>
    <xsl:if test="key('by-id', $id) and not(key('by-id', $id)[self::c:annex])">
      <error at="{cg:locate(.)}">&lt;annex-ref ref="<xsl:value-of select="@ref"/>"&gt; points to a &lt;<xsl:value-of select="local-name(key('by-id', $id))"/>&gt;, not to an annex</error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:drafts" mode="check">
    <xsl:variable name="status" select="@status"/>
    <xsl:if test="not(//c:draft[@status = $status])">
      <error at="{cg:locate(.)}">&lt;drafts status="<xsl:value-of select="@status"/>"&gt;: the document has no draft with that status</error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:draft" mode="check">
    <xsl:if test="generate-id(key('draft-by-number', @number)[1]) != generate-id(.)">
      <error at="{cg:locate(.)}">draft <xsl:value-of select="@number"/> is listed twice</error>
    </xsl:if>
    <xsl:if test="@status = 'revised' and @former">
      <error at="{cg:locate(.)}">draft <xsl:value-of select="@number"/>: a revision has no former name (former="<xsl:value-of select="@former"/>")</error>
    </xsl:if>
  </xsl:template>
  <!-- Questions: options for the choices only, two or more, none twice; answer lines
       for the free answers only. -->
  <xsl:template match="c:question" mode="check">
    <xsl:variable name="q" select="concat('&lt;question id=&quot;', @id, '&quot; type=&quot;', @type, '&quot;&gt;')"/>
    <xsl:choose>
      <xsl:when test="(@type = 'choice' or @type = 'multiple') and count(c:option) &lt; 2">
        <error at="{cg:locate(.)}"><xsl:value-of select="$q"/> has <xsl:value-of select="count(c:option)"/> option(s): a choice needs at least two &lt;option&gt;</error>
      </xsl:when>
      <xsl:when test="(@type = 'yes-no' or @type = 'text') and c:option">
        <error at="{cg:locate(c:option[1])}"><xsl:value-of select="$q"/> has &lt;option&gt; elements: <xsl:choose><xsl:when test="@type = 'yes-no'">its answers Yes and No come from the strings</xsl:when><xsl:otherwise>it is answered on lines</xsl:otherwise></xsl:choose>; use type="choice" for options of your own</error>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="@lines and @type != 'text'">
      <error at="{cg:locate(.)}"><xsl:value-of select="$q"/>: lines="<xsl:value-of select="@lines"/>" is for questions of type "text" only</error>
    </xsl:if>
    <xsl:if test="count(c:option[@specify]) &gt; 1">
      <error at="{cg:locate(c:option[@specify][2])}"><xsl:value-of select="$q"/>: a second option with specify="yes": only one "other, please specify" per question</error>
    </xsl:if>
    <xsl:for-each select="c:option">
      <xsl:variable name="t" select="normalize-space(.)"/>
      <xsl:if test="preceding-sibling::c:option[normalize-space(.) = $t]">
        <error at="{cg:locate(.)}"><xsl:value-of select="$q"/>: the option "<xsl:value-of select="$t"/>" is given twice</error>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="not(ancestor::c:annex[@type = 'questionnaire'])">
      <error at="{cg:locate(.)}"><xsl:value-of select="$q"/> outside a questionnaire annex</error>
    </xsl:if>
  </xsl:template>

  <!-- A return-note says the form's address and deadline in its own words: those it
       names are the reply-to's (the HTML form is sent to the reply-to's email). -->
  <xsl:template match="c:return-note" mode="check">
    <xsl:variable name="to" select="../c:email"/>
    <xsl:for-each select=".//c:email[normalize-space(.) != normalize-space($to)]">
      <error at="{cg:locate(.)}">&lt;return-note&gt; names the address <xsl:value-of select="normalize-space(.)"/>, not the reply-to's <xsl:value-of select="normalize-space($to)"/></error>
    </xsl:for-each>
    <xsl:for-each select=".//c:deadline[not(../../c:deadline) or @at != ../../c:deadline/@at or @zone != ../../c:deadline/@zone]">
      <error at="{cg:locate(.)}">&lt;return-note&gt;: &lt;deadline at="<xsl:value-of select="@at"/>"&gt; is not the reply-to's deadline<xsl:if test="../../c:deadline"> (<xsl:value-of select="../../c:deadline/@at"/>)</xsl:if></error>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="c:question-ref" mode="check">
    <xsl:variable name="id" select="@ref"/>
    <xsl:if test="//*[@id = $id] and not(//c:question[@id = $id])">
      <error at="{cg:locate(.)}">&lt;question-ref ref="<xsl:value-of select="@ref"/>"&gt; points to a &lt;<xsl:value-of select="local-name(//*[@id = $id])"/>&gt;, not to a question</error>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
